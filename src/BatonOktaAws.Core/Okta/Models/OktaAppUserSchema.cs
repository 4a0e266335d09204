using System.Text.Json.Serialization;

namespace BatonOktaAws.Core.Okta.Models;

/// <summary>The app user schema, down to <c>definitions.base.properties.samlRoles.union</c>.</summary>
public sealed class OktaAppUserSchema
{
    [JsonPropertyName("definitions")]
    public SchemaDefinitions? Definitions { get; set; }

    /// <summary>True when samlRoles is declared with <c>"union": "ENABLE"</c> (in the base or custom subschema).</summary>
    [JsonIgnore]
    public bool SamlRolesUnionEnabled =>
        IsEnabled(Definitions?.Base?.Properties?.SamlRoles?.Union) || IsEnabled(Definitions?.Custom?.Properties?.SamlRoles?.Union);

    private static bool IsEnabled(string? union) => string.Equals(union, "ENABLE", StringComparison.OrdinalIgnoreCase);

    public sealed class SchemaDefinitions
    {
        [JsonPropertyName("base")]
        public SubSchema? Base { get; set; }

        [JsonPropertyName("custom")]
        public SubSchema? Custom { get; set; }
    }

    public sealed class SubSchema
    {
        [JsonPropertyName("properties")]
        public SchemaProperties? Properties { get; set; }
    }

    public sealed class SchemaProperties
    {
        [JsonPropertyName("samlRoles")]
        public SchemaProperty? SamlRoles { get; set; }
    }

    public sealed class SchemaProperty
    {
        [JsonPropertyName("union")]
        public string? Union { get; set; }
    }
}
