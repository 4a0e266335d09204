using System.Text.Json.Serialization;

namespace BatonOktaAws.Core.Okta.Models;

/// <summary>The fields of Okta's <c>User</c> that the connector uses.</summary>
public sealed class OktaUser
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>ACTIVE, SUSPENDED, DEPROVISIONED, ... (kept as Okta spells it).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("profile")]
    public OktaUserProfile? Profile { get; set; }
}

public sealed class OktaUserProfile
{
    [JsonPropertyName("login")]
    public string? Login { get; set; }

    [JsonPropertyName("email")]
    public string? Email { get; set; }

    [JsonPropertyName("secondEmail")]
    public string? SecondEmail { get; set; }

    [JsonPropertyName("firstName")]
    public string? FirstName { get; set; }

    [JsonPropertyName("lastName")]
    public string? LastName { get; set; }

    [JsonPropertyName("displayName")]
    public string? DisplayName { get; set; }
}
