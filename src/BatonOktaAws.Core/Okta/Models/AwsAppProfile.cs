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

/// <summary>
/// Reads <see cref="AwsAppProfile"/> leniently and writes only the properties that are set. Reading is forward
/// only, without a <see cref="JsonDocument"/> per profile (one per app user and group assignment, so it showed in
/// a sync's profile); only a value of an odd shape is parsed into one, to quote it as written.
/// </summary>
internal sealed class AwsAppProfileConverter : JsonConverter<AwsAppProfile>
{
    public override AwsAppProfile? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var kind = Kind(reader.TokenType);
            SkipValue(ref reader);
            return new AwsAppProfile { ShapeProblems = [$"the profile is {kind}, not an object"] };
        }

        // A property given twice counts once, as its last value, with only that value's problems.
        List<string>? roles = null;
        List<string>? rolesProblems = null;
        string? role = null;
        string? roleProblem = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("samlRoles"u8))
            {
                reader.Read();
                (roles, rolesProblems) = ReadSamlRoles(ref reader);
            }
            else if (reader.ValueTextEquals("role"u8))
            {
                reader.Read();
                (role, roleProblem) = ReadRole(ref reader);
            }
            else
            {
                reader.Read();
                SkipValue(ref reader);
            }
        }

        IReadOnlyList<string> problems = (rolesProblems, roleProblem) switch
        {
            (null, null) => [],
            (null, { } one) => [one],
            ({ } list, null) => list,
            ({ } list, { } one) => [.. list, one],
        };
        return new AwsAppProfile { SamlRoles = roles, Role = string.IsNullOrEmpty(role) ? null : role, ShapeProblems = problems };
    }

    /// <summary>The reader is on samlRoles' value; it is left on the value's last token.</summary>
    private static (List<string>? Roles, List<string>? Problems) ReadSamlRoles(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                var roles = new List<string>();
                List<string>? problems = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        roles.Add(reader.GetString()!);
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                    {
                        var itemKind = Kind(reader.TokenType);
                        using var item = JsonDocument.ParseValue(ref reader);
                        (problems ??= []).Add($"samlRoles holds {itemKind} {Shorten(item.RootElement.GetRawText())}, not a role name");
                    }
                }

                return (roles, problems);
            case JsonTokenType.String:
                // One role given as a plain string: what an admin meant is clear, but it is not Okta's shape.
                return ([reader.GetString()!], ["samlRoles is a single string, not a list"]);
            case JsonTokenType.Null:
                return (null, null);
            default:
                var kind = Kind(reader.TokenType);
                SkipValue(ref reader);
                return (null, [$"samlRoles is {kind}, not a list of role names"]);
        }
    }

    /// <summary>The reader is on role's value; it is left on the value's last token.</summary>
    private static (string? Role, string? Problem) ReadRole(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return (reader.GetString(), null);
            case JsonTokenType.Null:
                return (null, null);
            case JsonTokenType.StartArray:
                // Not Okta's shape, so rare: parsed whole to tell a one-name list from the rest.
                using (var list = JsonDocument.ParseValue(ref reader))
                {
                    var root = list.RootElement;
                    return root.GetArrayLength() == 1 && root[0].ValueKind == JsonValueKind.String
                        ? (root[0].GetString(), "role is a list, not a single role name")
                        : (null, "role is a list, not a role name");
                }

            default:
                var kind = Kind(reader.TokenType);
                SkipValue(ref reader);
                return (null, $"role is {kind}, not a role name");
        }
    }

    /// <summary>
    /// Moves past the value the reader is on. The serializer hands a converter the whole value, but reading a
    /// stream it is not the final block, where <see cref="Utf8JsonReader.Skip"/> would throw.
    /// </summary>
    private static void SkipValue(ref Utf8JsonReader reader)
    {
        if (!reader.TrySkip())
        {
            throw new JsonException("The AWS app profile ended before its value did.");
        }
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

    private static string Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
