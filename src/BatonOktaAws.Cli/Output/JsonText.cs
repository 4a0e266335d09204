using System.Buffers;
using System.Text;
using System.Text.Json;

namespace BatonOktaAws.Cli.Output;

/// <summary>Builds a JSON text with a <see cref="Utf8JsonWriter"/>, for the JSON the command line prints or appends.</summary>
internal static class JsonText
{
    public static string Of(Action<Utf8JsonWriter> write, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
