using System.Text.Json.Serialization;

namespace BatonOktaAws.Core.Okta.Models;

/// <summary>Okta's <c>ApplicationGroupAssignment</c>: a group assigned to the app, its priority and profile.</summary>
public sealed class OktaAppGroupAssignment
{
    /// <summary>The group's id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Lower numbers win when a user is in several assigned groups.</summary>
    [JsonPropertyName("priority")]
    public int? Priority { get; set; }

    [JsonPropertyName("profile")]
    public AwsAppProfile? Profile { get; set; }

    [JsonPropertyName("_embedded")]
    public OktaAppGroupEmbedded? Embedded { get; set; }
}

public sealed class OktaAppGroupEmbedded
{
    /// <summary>Present with <c>expand=group</c>.</summary>
    [JsonPropertyName("group")]
    public OktaGroup? Group { get; set; }
}
