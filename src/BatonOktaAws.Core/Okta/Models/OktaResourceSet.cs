using System.Text.Json.Serialization;

namespace BatonOktaAws.Core.Okta.Models;

/// <summary>A resource set (the resources a custom role applies to), from <c>/api/v1/iam/resource-sets</c>.</summary>
public sealed class OktaResourceSet
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("label")]
    public string? Label { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }
}

/// <summary>ResourceSets: <c>{ "resource-sets": [...], "_links": { "next" } }</c>.</summary>
public sealed class OktaResourceSetsPage : IOktaIamPage<OktaResourceSet>
{
    [JsonPropertyName("resource-sets")]
    public List<OktaResourceSet>? ResourceSets { get; set; }

    [JsonPropertyName("_links")]
    public OktaIamPageLinks? Links { get; set; }

    [JsonIgnore]
    public IReadOnlyList<OktaResourceSet>? PageItems => ResourceSets;
}
