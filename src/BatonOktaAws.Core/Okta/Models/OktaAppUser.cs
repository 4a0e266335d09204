using System.Text.Json.Serialization;

namespace BatonOktaAws.Core.Okta.Models;

/// <summary>Okta's <c>AppUser</c>: one user's assignment to the app, direct (scope USER) or through a group (GROUP).</summary>
public sealed class OktaAppUser
{
    public const string UserScope = "USER";
    public const string GroupScope = "GROUP";

    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("scope")]
    public string? Scope { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("profile")]
    public AwsAppProfile? Profile { get; set; }

    [JsonPropertyName("_embedded")]
    public OktaAppUserEmbedded? Embedded { get; set; }
}

public sealed class OktaAppUserEmbedded
{
    /// <summary>Present with <c>expand=user</c>.</summary>
    [JsonPropertyName("user")]
    public OktaUser? User { get; set; }
}
