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

    private readonly CliEnvironment _env;
    private readonly ILogger _logger;
    private readonly bool _terminal;
    private readonly Lock _lock = new();
    private DateTimeOffset _last;
    private bool _drawn;

    public ProgressDisplay(CliEnvironment env, LogFormat format, ILogger logger)
    {
        _env = env;
        _logger = logger;
        _terminal = format == LogFormat.Console && env.ErrorIsTerminal;
        _last = env.Time.GetUtcNow();
    }

    public void Report(SyncProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_lock)
        {
            var now = _env.Time.GetUtcNow();
            if (now - _last < (_terminal ? TerminalInterval : LogInterval))
            {
                return;
            }

            _last = now;
            if (_terminal)
            {
                var groups = value.GroupsKnown > 0 ? $", {value.GroupsDone}/{value.GroupsKnown} groups" : string.Empty;
                var line = string.Create(CultureInfo.InvariantCulture, $"  {Describe(value.Phase)}: {value.Pages} pages, {value.AppUsers} app users{groups}, {value.Requests} requests");
                _env.Error.Write("\r" + line.PadRight(100));
                _env.Error.Flush();
                _drawn = true;
            }
            else
            {
                CliLog.Progress(_logger, value.Phase, value.Pages, value.AppUsers, value.GroupsDone, value.GroupsKnown, value.Requests);
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_drawn)
            {
                _env.Error.Write("\r" + new string(' ', 102) + "\r");
                _env.Error.Flush();
                _drawn = false;
            }
        }
    }

    private static string Describe(SyncPhase phase) => phase switch
    {
        SyncPhase.ReadingConfiguration => "reading the app",
        SyncPhase.Fetching => "fetching",
        SyncPhase.DerivingAccess => "deriving access",
        _ => "finishing",
    };
}
