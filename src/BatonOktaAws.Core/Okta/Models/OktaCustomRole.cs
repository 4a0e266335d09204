using System.Text.Json.Serialization;

namespace BatonOktaAws.Core.Okta.Models;

/// <summary>A custom admin role (the contract's IamRole), from <c>/api/v1/iam/roles</c>.</summary>
public sealed class OktaCustomRole
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("label")]
    public string? Label { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }
}

/// <summary>IamRoles: <c>{ "roles": [...], "_links": { "next" } }</c>.</summary>
public sealed class OktaCustomRolesPage : IOktaIamPage<OktaCustomRole>
{
    [JsonPropertyName("roles")]
    public List<OktaCustomRole>? Roles { get; set; }

    [JsonPropertyName("_links")]
    public OktaIamPageLinks? Links { get; set; }

    [JsonIgnore]
    public IReadOnlyList<OktaCustomRole>? PageItems => Roles;
}

/// <summary>One permission of a custom role: its <c>label</c> is the permission's name, e.g. <c>okta.apps.assignment.manage</c>.</summary>
public sealed class OktaPermissionEntry
{
    [JsonPropertyName("label")]
    public string? Label { get; set; }
}

/// <summary>Permissions: <c>{ "permissions": [...] }</c>, not paged.</summary>
public sealed class OktaPermissionsList
{
    [JsonPropertyName("permissions")]
    public List<OktaPermissionEntry>? Permissions { get; set; }
}
