using System.Buffers;
using System.Text;
using System.Text.Json;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Store;

/// <summary>Lists kept in a TEXT column as JSON: names (a JSON array of strings) and policy references.</summary>
internal static class JsonColumns
{
    public static string Write(IReadOnlyList<IamPolicyRef> policies) => Json(w =>
    {
        w.WriteStartArray();
        foreach (var policy in policies)
        {
            w.WriteStartObject();
            w.WriteString("name", policy.Name);
            w.WriteString("arn", policy.Arn);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    public static IReadOnlyList<IamPolicyRef> ReadPolicies(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => new IamPolicyRef(e.GetProperty("name").GetString() ?? string.Empty, e.GetProperty("arn").GetString() ?? string.Empty))];
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
