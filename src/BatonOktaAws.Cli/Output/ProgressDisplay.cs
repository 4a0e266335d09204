using System.Globalization;
using BatonOktaAws.Cli.Logging;
using BatonOktaAws.Core.Sync;
using Microsoft.Extensions.Logging;

namespace BatonOktaAws.Cli.Output;

/// <summary>
/// Shows a running sync's progress: a line redrawn in place on an interactive terminal, otherwise an
/// Information log event every ten seconds (readable in cron logs, one JSON object each with json logs).
/// </summary>
internal sealed class ProgressDisplay : IProgress<SyncProgress>, IDisposable
{
    private static readonly TimeSpan TerminalInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly StatusLine? _statusLine;
    private readonly Lock _lock = new();
    private DateTimeOffset _last;

    public static ProgressDisplay Create(CommandContext context, Core.Okta.OktaClient client) => new(context);

    public ProgressDisplay(CommandContext context)
    {
        _time = context.Env.Time;
        _logger = context.Logger;
        _statusLine = context.StatusLine;
        _last = _time.GetUtcNow();
    }

    public void Report(SyncProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (now - _last < (_statusLine is null ? LogInterval : TerminalInterval))
            {
                return;
            }

            _last = now;
            if (_statusLine is null)
            {
                var activity = Describe(value.Phase);
                CliLog.Progress(_logger, activity, value.Requests);
                return;
            }

            var groups = value.GroupsKnown > 0 ? $", {value.GroupsDone}/{value.GroupsKnown} groups" : string.Empty;
            _statusLine.Show(string.Create(CultureInfo.InvariantCulture, $"  {Describe(value.Phase)}: {value.Pages} pages, {value.AppUsers} app users{groups}, {value.Requests} requests"));
        }
    }

    public void Dispose() => _statusLine?.Clear();

    private static string Describe(SyncPhase phase) => phase switch
    {
        SyncPhase.ReadingConfiguration => "reading the app",
        SyncPhase.Fetching => "fetching",
        SyncPhase.DerivingAccess => "deriving access",
        _ => "finishing",
    };
}
