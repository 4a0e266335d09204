using System.Text.Json;
using System.Text.Json.Serialization;

namespace BatonOktaAws.Core.Okta.Models;

/// <summary>The fields of Okta's <c>Application</c> that the connector uses.</summary>
public sealed class OktaApplication
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The app's catalog name: <c>amazon_aws</c> for the AWS app.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("label")]
    public string? Label { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("signOnMode")]
    public string? SignOnMode { get; set; }

    [JsonPropertyName("settings")]
    public OktaApplicationSettings? Settings { get; set; }
}

public sealed class OktaApplicationSettings
{
    /// <summary><c>settings.app</c> has no schema in Okta's spec, so it stays raw JSON.</summary>
    [JsonPropertyName("app")]
    public JsonElement? App { get; set; }
}
