using BatonOktaAws.Cli.Logging;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Sync;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace BatonOktaAws.Cli.Output;

/// <summary>
/// Shows a running sync's progress: on an interactive terminal a live display (what is being read, counts
/// against known totals, pages, requests, and a countdown during a rate-limit wait), redrawn four times a
/// second; otherwise (cron, pipes, JSON logs) an Information log line every ten seconds, on a timer — so a sync
/// that waits minutes for a rate-limit window, and reports nothing meanwhile, still says every ten seconds what it
/// waits for.
/// </summary>
internal sealed class ProgressDisplay : IProgress<SyncProgress>, IDisposable
{
    private static readonly TimeSpan TerminalInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);

    private readonly OktaClient? _client;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly LiveConsole? _terminal;
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<Action> _refresh = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _live = Task.CompletedTask;
    private readonly ITimer? _logTimer;
    private bool _disposed;

    public ProgressDisplay(SyncStatus status, TimeProvider time, ILogger logger, LiveConsole? terminal, OktaClient? client = null)
    {
        Status = status;
        _time = time;
        _logger = logger;
        _terminal = terminal;
        _client = client;
        if (client is not null)
        {
            client.RateLimitWaiting += status.Waiting;
        }

        if (terminal is null)
        {
            _logTimer = time.CreateTimer(_ => Log(), null, LogInterval, LogInterval);
        }
        else
        {
            _live = terminal.RunLiveAsync(Render, async refresh =>
            {
                _refresh.TrySetResult(refresh);
                while (!_stop.IsCancellationRequested)
                {
                    refresh();
                    try
                    {
                        await Task.Delay(TerminalInterval, _time, _stop.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            });
        }
    }

    public SyncStatus Status { get; }

    public static ProgressDisplay Create(CommandContext context, OktaClient client)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ProgressDisplay(new SyncStatus(), context.Env.Time, context.Logger, context.Terminal, client);
    }

    public void Report(SyncProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Status.Report(value);
    }

    /// <summary>Redraws the live display now (the display also redraws itself four times a second).</summary>
    public void Refresh()
    {
        if (_terminal is not null)
        {
            _refresh.Task.GetAwaiter().GetResult()();
        }
    }

    public void Dispose()
    {
        _logTimer?.Dispose();
        lock (_lock)
        {
            // A timer callback already running finishes first; none logs after this (the log may be closing).
            _disposed = true;
        }

        if (_client is not null)
        {
            _client.RateLimitWaiting -= Status.Waiting;
        }

        _stop.Cancel();
        _live.GetAwaiter().GetResult();
        _stop.Dispose();
    }

    /// <summary>One log line with where the sync is, once it has said anything.</summary>
    private void Log()
    {
        lock (_lock)
        {
            if (_disposed || !Status.HasProgress)
            {
                return;
            }

            var sentence = Status.Sentence(_time.GetUtcNow());
            var requests = Status.Requests;
            var shareUsed = Status.ShareLine() is { } share ? $"; {char.ToLowerInvariant(share[0])}{share[1..]}" : string.Empty;
            CliLog.Progress(_logger, sentence, requests, shareUsed);
        }
    }

    private Rows Render()
    {
        var lines = Status.ListLines().Select(l => (IRenderable)new Text("  " + l)).ToList();
        lines.Add(new Text("  " + Status.RequestsLine(), new Style(decoration: Decoration.Dim)));
        if (Status.ShareLine() is { } share)
        {
            lines.Add(new Text("  " + share, new Style(decoration: Decoration.Dim)));
        }

        if (Status.WaitLine(_time.GetUtcNow()) is { } wait)
        {
            lines.Add(new Text("  " + wait, new Style(Color.Yellow)));
        }

        return new Rows(lines);
    }
}
