using System.Buffers;
using System.Text;
using System.Text.Json;

namespace BatonOktaAws.Store;

/// <summary>samlRoles as a JSON array of strings in a TEXT column.</summary>
internal static class RolesJson
{
    public static string Write(IReadOnlyList<string> roles)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var role in roles)
            {
                writer.WriteStringValue(role);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyList<string> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => e.GetString() ?? string.Empty)];
    }
}
