using System.Text.Json.Nodes;

namespace OktaSimulator.Model;

/// <summary>Reads the AWS app's <c>samlRoles</c> profile property.</summary>
public static class SamlRoles
{
    public const string PropertyName = "samlRoles";

    public static IReadOnlyList<string> Read(JsonObject profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile[PropertyName] is not JsonArray array)
        {
            return [];
        }

        var roles = new List<string>(array.Count);
        foreach (var node in array)
        {
            if (node is JsonValue value && value.TryGetValue<string>(out var role))
            {
                roles.Add(role);
            }
        }

        return roles;
    }

    public static JsonObject Profile(IEnumerable<string> roles)
    {
        var array = new JsonArray();
        foreach (var role in roles)
        {
            array.Add((JsonNode)role);
        }

        return new JsonObject { [PropertyName] = array };
    }
}
