using System.Text.Json;

namespace BatonOktaAws.Core.Iam.Policies;

/// <summary>
/// Field access for exports, which differ in the case of names (the CLI and API write <c>RoleDetailList</c>, some
/// SDK dumps <c>roleDetailList</c>) and in whether a one-element list is written as a list.
/// </summary>
internal static class JsonFields
{
    public static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty(name, out value))
            {
                return true;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    /// <summary>A string, or a list of strings, as a list.</summary>
    /// <exception cref="FormatException">Naming <paramref name="what"/>.</exception>
    public static IReadOnlyList<string> StringOrList(JsonElement value, string what) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => value.EnumerateArray()
            .Select(item => item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw new FormatException($"{what} has a list item of type {item.ValueKind}; expected strings"))
            .ToList(),
        _ => throw new FormatException($"{what} must be a string or a list of strings, not {value.ValueKind}"),
    };
}
