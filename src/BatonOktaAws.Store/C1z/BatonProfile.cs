using System.Text.Json;

namespace BatonOktaAws.Store.C1z;

/// <summary>
/// A free-form profile (Baton writes it as a <c>google.protobuf.Struct</c>): named JSON values — strings, numbers,
/// booleans, null, lists and nested objects. Numbers travel as doubles, as in any Struct.
/// </summary>
public sealed class BatonProfile : IEquatable<BatonProfile>
{
    private BatonProfile(IReadOnlyDictionary<string, JsonElement> fields) => Fields = fields;

    public IReadOnlyDictionary<string, JsonElement> Fields { get; }

    /// <summary>A profile of text values; null values are kept as JSON null.</summary>
    public static BatonProfile FromStrings(IEnumerable<KeyValuePair<string, string?>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            values[name] = JsonSerializer.SerializeToElement(value, BatonProfileJsonContext.Default.String);
        }

        return new BatonProfile(values);
    }

    /// <summary>A profile from a JSON object's text, e.g. <c>{"department":"Finance","level":3}</c>.</summary>
    public static BatonProfile FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"A profile must be a JSON object, not {document.RootElement.ValueKind}.");
        }

        return FromFields(document.RootElement.EnumerateObject().Select(property => KeyValuePair.Create(property.Name, property.Value)));
    }

    public static BatonProfile FromFields(IEnumerable<KeyValuePair<string, JsonElement>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            // Clone: the caller's JsonDocument may be disposed after this returns.
            values[name] = value.Clone();
        }

        return new BatonProfile(values);
    }

    public string ToJson() => JsonSerializer.Serialize(Fields, BatonProfileJsonContext.Default.IReadOnlyDictionaryStringJsonElement);

    public bool Equals(BatonProfile? other) =>
        other is not null
        && other.Fields.Count == Fields.Count
        && Fields.All(field => other.Fields.TryGetValue(field.Key, out var value) && JsonElement.DeepEquals(field.Value, value));

    public override bool Equals(object? obj) => Equals(obj as BatonProfile);

    public override int GetHashCode() => Fields.Count;

    public override string ToString() => ToJson();
}
