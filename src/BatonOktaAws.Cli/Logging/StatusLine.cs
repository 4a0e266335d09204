namespace BatonOktaAws.Cli.Logging;

/// <summary>
/// The one line of a terminal that progress redraws in place. Log lines share standard error with it, so
/// the log sink clears it first and the next progress report draws it again below the log line.
/// </summary>
internal sealed class StatusLine
{
    private readonly TextWriter _writer;
    private readonly Lock _lock = new();
    private int _drawnLength;

    public StatusLine(TextWriter writer) => _writer = writer;

    public void Show(string text)
    {
        lock (_lock)
        {
            _writer.Write("\r" + text.PadRight(_drawnLength));
            _writer.Flush();
            _drawnLength = text.Length;
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            if (_drawnLength > 0)
            {
                _writer.Write("\r" + new string(' ', _drawnLength) + "\r");
                _writer.Flush();
                _drawnLength = 0;
            }
        }
    }

    /// <summary>Runs <paramref name="write"/> on a clear line, holding the line so progress cannot interleave.</summary>
    public void WriteAbove(Action write)
    {
        lock (_lock)
        {
            Clear();
            write();
        }
    }
}
