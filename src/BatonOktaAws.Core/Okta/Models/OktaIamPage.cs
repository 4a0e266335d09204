using System.Text.Json.Serialization;

namespace BatonOktaAws.Core.Okta.Models;

/// <summary>
/// A page of one of the <c>/api/v1/iam</c> lists, which page in the body rather than in Link headers:
/// <c>{ "&lt;items&gt;": [...], "_links": { "next": { "href": ... } } }</c>, <c>next</c> only while more remain
/// (the contract's RoleAssignedUsers, IamRoles, ResourceSets, ResourceSetResources and ResourceSetBinding* schemas).
/// </summary>
public interface IOktaIamPage<T>
{
    IReadOnlyList<T>? PageItems { get; }

    OktaIamPageLinks? Links { get; }
}

public sealed class OktaIamPageLinks
{
    [JsonPropertyName("next")]
    public OktaLink? Next { get; set; }
}
