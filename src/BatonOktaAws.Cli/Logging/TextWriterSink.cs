using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace BatonOktaAws.Cli.Logging;

/// <summary>Writes formatted events to a text writer (standard error, or a test's buffer), or above a terminal's live display.</summary>
internal sealed class TextWriterSink : ILogEventSink
{
    private readonly TextWriter _writer;
    private readonly ITextFormatter _formatter;
    private readonly LiveConsole? _terminal;
    private readonly Lock _lock = new();

    public TextWriterSink(TextWriter writer, ITextFormatter formatter, LiveConsole? terminal)
    {
        _writer = writer;
        _formatter = formatter;
        _terminal = terminal;
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_lock)
        {
            if (_terminal is null)
            {
                _formatter.Format(logEvent, _writer);
                _writer.Flush();
                return;
            }

            using var line = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            _formatter.Format(logEvent, line);
            _terminal.WriteLog(line.ToString());
        }
    }
}
