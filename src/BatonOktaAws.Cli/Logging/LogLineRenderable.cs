using Spectre.Console;
using Spectre.Console.Rendering;

namespace BatonOktaAws.Cli.Logging;

/// <summary>
/// A log line written while a live display runs. Spectre.Console moves the cursor back to the top of the
/// display before it, but does not erase it: the line starts by erasing to the end of the screen, so a short log
/// line never keeps the tail of a longer status line.
/// </summary>
internal sealed class LogLineRenderable : Renderable
{
    private const string EraseBelow = "\u001b[0J";
    private readonly Text _text;

    public LogLineRenderable(string text) => _text = new Text(text);

    protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        yield return Segment.Control(EraseBelow);
        foreach (var segment in ((IRenderable)_text).Render(options, maxWidth))
        {
            yield return segment;
        }
    }
}
