using System.Globalization;
using System.Text.Json;
using BatonOktaAws.Core.Iam.Policies;

namespace BatonOktaAws.Core.Iam.Loading;

/// <summary>Typed reads of export fields; every failure is a FormatException naming the field.</summary>
internal static class ExportValues
{
    public static string RequiredString(JsonElement obj, string name, string what) =>
        OptionalString(obj, name, what) is { Length: > 0 } text ? text : throw new FormatException($"{what} has no {name}");

    public static string? OptionalString(JsonElement obj, string name, string what)
    {
        if (!JsonFields.TryGet(obj, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new FormatException($"{what} has {name} of type {value.ValueKind}; expected a string");
    }

    public static DateTimeOffset? OptionalDate(JsonElement obj, string name, string what)
    {
        if (!JsonFields.TryGet(obj, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        // The CLI writes ISO 8601 text ("2024-05-01T10:00:00Z" or "+00:00"); some SDK dumps write Unix seconds.
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds))
        {
            return DateTimeOffset.UnixEpoch.AddSeconds(seconds);
        }

        return value.ValueKind == JsonValueKind.String && ParseDate(value.GetString()) is { } date
            ? date
            : throw new FormatException($"{what} has {name} {value.GetRawText()}, which is not a date");
    }

    public static DateTimeOffset? ParseDate(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : null;

    public static bool OptionalBool(JsonElement obj, string name, string what)
    {
        if (!JsonFields.TryGet(obj, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new FormatException($"{what} has {name} {value.GetRawText()}; expected true or false"),
        };
    }

    /// <summary>A list of objects; absent or null is empty, and a lone object counts as a list of one.</summary>
    public static IReadOnlyList<JsonElement> Objects(JsonElement obj, string name, string what)
    {
        if (!JsonFields.TryGet(obj, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        var items = value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().ToList(),
            JsonValueKind.Object => [value],
            _ => throw new FormatException($"{what} has {name} of type {value.ValueKind}; expected a list"),
        };
        return items.All(i => i.ValueKind == JsonValueKind.Object)
            ? items
            : throw new FormatException($"{what} has {name} with an entry that is not an object");
    }
}
