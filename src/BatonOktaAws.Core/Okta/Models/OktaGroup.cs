using System.Text.Json.Serialization;

namespace BatonOktaAws.Core.Okta.Models;

/// <summary>The fields of Okta's <c>Group</c> that the connector uses.</summary>
public sealed class OktaGroup
{
    public const string OktaGroupType = "OKTA_GROUP";
    public const string AppGroupType = "APP_GROUP";
    public const string BuiltInType = "BUILT_IN";

    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>OKTA_GROUP, APP_GROUP or BUILT_IN; only OKTA_GROUP memberships can be edited.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("profile")]
    public OktaGroupProfile? Profile { get; set; }
}

public sealed class OktaGroupProfile
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }
}
