using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BatonOktaAws.Cli.Output;

/// <summary>
/// Builds a JSON text with a <see cref="Utf8JsonWriter"/>, for the JSON the command line prints or appends.
/// Standard output and files are not HTML, so characters like <c>'</c>, <c>&lt;</c>, <c>&amp;</c> and non-ASCII
/// letters are written as they are; only what JSON itself requires (quotes, backslashes, control characters) is escaped.
/// </summary>
internal static class JsonText
{
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(Action<Utf8JsonWriter> write, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, Options with { Indented = indented }))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
