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

    /// <summary>
    /// Reads for one query over app users: most users hold one of a few samlRoles lists (often none), so each
    /// distinct list is parsed once and its users share it (the lists are read-only).
    /// </summary>
    public sealed class Shared
    {
        private readonly Dictionary<string, IReadOnlyList<string>> _read = new(StringComparer.Ordinal);

        public IReadOnlyList<string> Read(string json)
        {
            if (!_read.TryGetValue(json, out var roles))
            {
                roles = RolesJson.Read(json);
                _read.Add(json, roles);
            }

            return roles;
        }
    }
}
