using System.Text.Json.Serialization;

namespace BatonOktaAws.Core.Okta.Models;

/// <summary>
/// An APP_ADMIN target (the contract's CatalogApplication): an app type by <c>name</c> (e.g. <c>amazon_aws</c>,
/// every instance of it), or one instance of it when <c>id</c> is present.
/// </summary>
public sealed class OktaCatalogApp
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Present only for an app instance target.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("displayName")]
    public string? DisplayName { get; set; }
}
