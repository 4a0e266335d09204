using System.Text.Json;
using System.Text.Json.Serialization;

namespace BatonOktaAws.Core.Okta.Models;

/// <summary>
/// The AWS app's user and group-assignment profile, reduced to what decides access: the multi-valued
/// <c>samlRoles</c> and the single-valued default <c>role</c>. Other profile properties are left alone (Okta merges
/// a profile update into what is stored). Read leniently: a profile of an unexpected shape (samlRoles as a string,
/// a number among the roles) still yields the usable values, and <see cref="ShapeProblems"/> says what was odd,
/// so one strange assignment is reported instead of failing the whole page.
/// </summary>
[JsonConverter(typeof(AwsAppProfileConverter))]
public sealed class AwsAppProfile
{
    public List<string>? SamlRoles { get; set; }

    /// <summary>The default role, used when <see cref="SamlRoles"/> is empty (Okta's AWS SAML guide).</summary>
    public string? Role { get; set; }

    /// <summary>What did not have the expected shape, in words; empty for a well-formed profile. Never written.</summary>
    public IReadOnlyList<string> ShapeProblems { get; init; } = [];
}

/// <summary>Reads <see cref="AwsAppProfile"/> leniently and writes only the properties that are set.</summary>
internal sealed class AwsAppProfileConverter : JsonConverter<AwsAppProfile>
{
    public override AwsAppProfile? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new AwsAppProfile { ShapeProblems = [$"the profile is {Kind(root)}, not an object"] };
        }

        var problems = new List<string>();
        List<string>? roles = null;
        if (root.TryGetProperty("samlRoles", out var samlRoles))
        {
            switch (samlRoles.ValueKind)
            {
                case JsonValueKind.Array:
                    roles = [];
                    foreach (var item in samlRoles.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.String)
                        {
                            roles.Add(item.GetString()!);
                        }
                        else if (item.ValueKind != JsonValueKind.Null)
                        {
                            problems.Add($"samlRoles holds {Kind(item)} {Shorten(item.GetRawText())}, not a role name");
                        }
                    }

                    break;
                case JsonValueKind.String:
                    // One role given as a plain string: what an admin meant is clear, but it is not Okta's shape.
                    roles = [samlRoles.GetString()!];
                    problems.Add("samlRoles is a single string, not a list");
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    problems.Add($"samlRoles is {Kind(samlRoles)}, not a list of role names");
                    break;
            }
        }

        string? role = null;
        if (root.TryGetProperty("role", out var roleElement))
        {
            switch (roleElement.ValueKind)
            {
                case JsonValueKind.String:
                    role = roleElement.GetString();
                    break;
                case JsonValueKind.Null:
                    break;
                case JsonValueKind.Array when roleElement.GetArrayLength() == 1 && roleElement[0].ValueKind == JsonValueKind.String:
                    role = roleElement[0].GetString();
                    problems.Add("role is a list, not a single role name");
                    break;
                default:
                    problems.Add($"role is {Kind(roleElement)}, not a role name");
                    break;
            }
        }

        return new AwsAppProfile { SamlRoles = roles, Role = string.IsNullOrEmpty(role) ? null : role, ShapeProblems = problems };
    }

    public override void Write(Utf8JsonWriter writer, AwsAppProfile value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.SamlRoles is { } roles)
        {
            writer.WriteStartArray("samlRoles");
            foreach (var role in roles)
            {
                writer.WriteStringValue(role);
            }

            writer.WriteEndArray();
        }

        if (value.Role is { } single)
        {
            writer.WriteString("role", single);
        }

        writer.WriteEndObject();
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
