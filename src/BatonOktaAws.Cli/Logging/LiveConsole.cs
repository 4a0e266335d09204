using Spectre.Console;
using Spectre.Console.Rendering;

namespace BatonOktaAws.Cli.Logging;

/// <summary>
/// Standard error of an interactive terminal, shared by log lines and a live progress display. While the
/// display runs, log lines go through Spectre.Console so they are printed above it, whole, and the display is
/// redrawn below; one lock keeps a redraw and a log line from interleaving.
/// </summary>
internal sealed class LiveConsole
{
    private readonly TextWriter _writer;
    private readonly Lock _lock = new();
    private LiveDisplayContext? _live;

    public LiveConsole(TextWriter writer)
    {
        _writer = writer;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(writer),
        });
    }

    public IAnsiConsole Console { get; }

    /// <summary>Writes a formatted log line (ending in a newline) above the live display, or plainly when none runs.</summary>
    public void WriteLog(string text)
    {
        lock (_lock)
        {
            if (_live is null)
            {
                _writer.Write(text);
                _writer.Flush();
            }
            else
            {
                Console.Write(new LogLineRenderable(text));
            }
        }
    }

    /// <summary>
    /// Runs a live display until <paramref name="body"/> ends; the action it is given redraws the display from
    /// <paramref name="render"/>, which is called under the same lock as log lines, so a frame is never older than
    /// one drawn before it.
    /// </summary>
    public Task RunLiveAsync(Func<IRenderable> render, Func<Action, Task> body)
    {
        ArgumentNullException.ThrowIfNull(render);
        ArgumentNullException.ThrowIfNull(body);
        return Console.Live(render()).AutoClear(true).Overflow(VerticalOverflow.Ellipsis).StartAsync(async context =>
        {
            lock (_lock)
            {
                _live = context;
            }

            try
            {
                await body(() =>
                {
                    lock (_lock)
                    {
                        context.UpdateTarget(render());
                        context.Refresh();
                    }
                }).ConfigureAwait(false);
            }
            finally
            {
                lock (_lock)
                {
                    _live = null;
                }
            }
        });
    }
}
