using System.Text.Json.Serialization;

namespace BatonOktaAws.Core.Okta.Models;

/// <summary>
/// One resource of a resource set: its Okta Resource Name (<c>orn:okta:idp:{org}:apps:amazon_aws:0oa...</c>,
/// <c>orn:okta:directory:{org}:groups:00g...</c>) and <c>_links.self</c>, the REST URL of what it names.
/// </summary>
public sealed class OktaResourceSetResource
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("orn")]
    public string? Orn { get; set; }

    [JsonPropertyName("_links")]
    public OktaResourceLinks? Links { get; set; }
}

public sealed class OktaResourceLinks
{
    [JsonPropertyName("self")]
    public OktaLink? Self { get; set; }
}

/// <summary>ResourceSetResources: <c>{ "resources": [...], "_links": { "next" } }</c>.</summary>
public sealed class OktaResourceSetResourcesPage : IOktaIamPage<OktaResourceSetResource>
{
    [JsonPropertyName("resources")]
    public List<OktaResourceSetResource>? Resources { get; set; }

    [JsonPropertyName("_links")]
    public OktaIamPageLinks? Links { get; set; }

    [JsonIgnore]
    public IReadOnlyList<OktaResourceSetResource>? PageItems => Resources;
}
