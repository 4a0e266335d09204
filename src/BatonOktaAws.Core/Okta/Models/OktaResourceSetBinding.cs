using System.Text.Json.Serialization;

namespace BatonOktaAws.Core.Okta.Models;

/// <summary>A custom role bound to a resource set (ResourceSetBindingRole): <c>id</c> is the role's id.</summary>
public sealed class OktaResourceSetBinding
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }
}

/// <summary>ResourceSetBindings: <c>{ "roles": [...], "_links": { "next" } }</c>.</summary>
public sealed class OktaResourceSetBindingsPage : IOktaIamPage<OktaResourceSetBinding>
{
    [JsonPropertyName("roles")]
    public List<OktaResourceSetBinding>? Roles { get; set; }

    [JsonPropertyName("_links")]
    public OktaIamPageLinks? Links { get; set; }

    [JsonIgnore]
    public IReadOnlyList<OktaResourceSetBinding>? PageItems => Roles;
}

/// <summary>A member of a binding (ResourceSetBindingMember): <c>_links.self</c> is the user or group bound.</summary>
public sealed class OktaResourceSetBindingMember
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("_links")]
    public OktaResourceLinks? Links { get; set; }
}

/// <summary>ResourceSetBindingMembers: <c>{ "members": [...], "_links": { "next" } }</c>.</summary>
public sealed class OktaResourceSetBindingMembersPage : IOktaIamPage<OktaResourceSetBindingMember>
{
    [JsonPropertyName("members")]
    public List<OktaResourceSetBindingMember>? Members { get; set; }

    [JsonPropertyName("_links")]
    public OktaIamPageLinks? Links { get; set; }

    [JsonIgnore]
    public IReadOnlyList<OktaResourceSetBindingMember>? PageItems => Members;
}
