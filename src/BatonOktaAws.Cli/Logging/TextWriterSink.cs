using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace BatonOktaAws.Cli.Logging;

/// <summary>Writes formatted events to a text writer (standard error, or a test's buffer).</summary>
internal sealed class TextWriterSink : ILogEventSink
{
    private readonly TextWriter _writer;
    private readonly ITextFormatter _formatter;
    private readonly StatusLine? _statusLine;
    private readonly Lock _lock = new();

    public TextWriterSink(TextWriter writer, ITextFormatter formatter, StatusLine? statusLine)
    {
        _writer = writer;
        _formatter = formatter;
        _statusLine = statusLine;
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_lock)
        {
            if (_statusLine is null)
            {
                Write(logEvent);
            }
            else
            {
                _statusLine.WriteAbove(() => Write(logEvent));
            }
        }
    }

    private void Write(LogEvent logEvent)
    {
        _formatter.Format(logEvent, _writer);
        _writer.Flush();
    }
}
