using System.Text.Json.Serialization;

namespace BatonOktaAws.Core.Okta.Models;

/// <summary>
/// One admin role assignment as <c>/api/v1/users/{userId}/roles</c> and <c>/api/v1/groups/{groupId}/roles</c>
/// list them (the contract's StandardRole and CustomRole): a standard role by <c>type</c>, or a custom role
/// (<c>type</c> CUSTOM, <c>role</c> the custom role's id, <c>resource-set</c> its scope). IAM-based standard roles
/// (ACCESS_REQUESTS_ADMIN, ...) come in the custom shape with <c>role</c> equal to their type.
/// </summary>
public sealed class OktaRoleAssignment
{
    public const string UserAssignment = "USER";
    public const string GroupAssignment = "GROUP";
    public const string CustomType = "CUSTOM";

    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>SUPER_ADMIN, ORG_ADMIN, APP_ADMIN, USER_ADMIN, GROUP_MEMBERSHIP_ADMIN, ..., or CUSTOM.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Custom and IAM-based roles: the role's id (a custom role's <c>cr0...</c>).</summary>
    [JsonPropertyName("role")]
    public string? Role { get; set; }

    [JsonPropertyName("label")]
    public string? Label { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>USER: held by the user itself; GROUP: held through the group named by <c>_links.assignee</c>.</summary>
    [JsonPropertyName("assignmentType")]
    public string? AssignmentType { get; set; }

    /// <summary>Custom roles: the resource set the role applies to.</summary>
    [JsonPropertyName("resource-set")]
    public string? ResourceSet { get; set; }

    /// <summary>With <c>expand=targets/groups</c> or <c>expand=targets/catalog/apps</c> (standard roles only).</summary>
    [JsonPropertyName("_embedded")]
    public OktaRoleAssignmentEmbedded? Embedded { get; set; }

    [JsonPropertyName("_links")]
    public OktaRoleAssignmentLinks? Links { get; set; }

    /// <summary>The id a role has in Baton's model: a custom (or IAM-based) role's id, else the standard type.</summary>
    [JsonIgnore]
    public string? RoleKey => Role ?? Type;
}

public sealed class OktaRoleAssignmentEmbedded
{
    [JsonPropertyName("targets")]
    public OktaRoleTargets? Targets { get; set; }
}

/// <summary><c>_embedded.targets</c>: <c>groups</c> and <c>catalog.apps</c>, each present only when asked for; an empty list means all.</summary>
public sealed class OktaRoleTargets
{
    [JsonPropertyName("groups")]
    public List<OktaGroup>? Groups { get; set; }

    [JsonPropertyName("catalog")]
    public OktaRoleTargetCatalog? Catalog { get; set; }
}

public sealed class OktaRoleTargetCatalog
{
    [JsonPropertyName("apps")]
    public List<OktaCatalogApp>? Apps { get; set; }
}

public sealed class OktaRoleAssignmentLinks
{
    /// <summary>The user or group that holds the assignment (for a GROUP assignment in a user's list, the group).</summary>
    [JsonPropertyName("assignee")]
    public OktaLink? Assignee { get; set; }
}
