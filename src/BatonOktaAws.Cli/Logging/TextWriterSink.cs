using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace BatonOktaAws.Cli.Logging;

/// <summary>Writes formatted events to a text writer (standard error, or a test's buffer).</summary>
internal sealed class TextWriterSink : ILogEventSink
{
    private readonly TextWriter _writer;
    private readonly ITextFormatter _formatter;
    private readonly Lock _lock = new();

    public TextWriterSink(TextWriter writer, ITextFormatter formatter)
    {
        _writer = writer;
        _formatter = formatter;
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_lock)
        {
            _formatter.Format(logEvent, _writer);
            _writer.Flush();
        }
    }
}
