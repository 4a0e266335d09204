using System.Text.Json.Serialization;

namespace BatonOktaAws.Core.Okta.Models;

/// <summary>A user holding admin role assignments, from <c>/api/v1/iam/assignees/users</c> (RoleAssignedUser).</summary>
public sealed class OktaRoleAssignee
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("orn")]
    public string? Orn { get; set; }
}

/// <summary>RoleAssignedUsers: <c>{ "value": [...], "_links": { "next" } }</c>.</summary>
public sealed class OktaRoleAssigneesPage : IOktaIamPage<OktaRoleAssignee>
{
    [JsonPropertyName("value")]
    public List<OktaRoleAssignee>? Value { get; set; }

    [JsonPropertyName("_links")]
    public OktaIamPageLinks? Links { get; set; }

    [JsonIgnore]
    public IReadOnlyList<OktaRoleAssignee>? PageItems => Value;
}
