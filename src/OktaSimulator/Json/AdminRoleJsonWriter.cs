using System.Text.Json;
using OktaSimulator.Model;
using static OktaSimulator.Json.OktaJsonWriter;

namespace OktaSimulator.Json;

/// <summary>
/// Writes the roles API's objects in the contract's shapes: StandardRole and CustomRole assignments,
/// CatalogApplication targets, RoleAssignedUser, IamRole, Permission, ResourceSet, ResourceSetResource,
/// ResourceSetBindingRole and ResourceSetBindingMember (management-minimal.yaml).
/// </summary>
internal static class AdminRoleJsonWriter
{
    /// <summary>OIN display names of the app types the simulator knows; other names show as themselves.</summary>
    private static readonly Dictionary<string, string> CatalogDisplayNames = new(StringComparer.Ordinal)
    {
        [SimApp.AwsAppName] = "AWS Account Federation",
        ["active_directory"] = "Active Directory",
        ["bookmark"] = "Bookmark App",
    };

    /// <summary>What <c>expand=targets/groups</c> and <c>expand=targets/catalog/apps</c> embed (standard roles only).</summary>
    public sealed record TargetExpansion(bool Groups, bool Apps)
    {
        public bool Any => Groups || Apps;
    }

    public static void WriteRoleAssignment(Utf8JsonWriter w, EffectiveRoleAssignment assignment, OrgState state, string baseUrl, TargetExpansion expand)
    {
        w.WriteStartObject();
        w.WriteString("id", assignment.Id);
        if (assignment.CustomRole is { } customRole)
        {
            w.WriteString("role", customRole.Id);
        }

        w.WriteString("label", assignment.Label);
        w.WriteString("type", assignment.Type);
        w.WriteString("status", "ACTIVE");
        w.WriteString("created", Timestamp(assignment.Created));
        w.WriteString("lastUpdated", Timestamp(assignment.Created));
        w.WriteString("assignmentType", assignment.AssignmentType);
        if (assignment.ResourceSet is { } resourceSet)
        {
            w.WriteString("resource-set", resourceSet.Id);
        }

        if (assignment.Standard is { } standard && expand.Any)
        {
            // StandardRole._embedded.targets: { groups: [Group], catalog: { apps: [CatalogApplication] } }.
            w.WriteStartObject("_embedded");
            w.WriteStartObject("targets");
            if (expand.Groups)
            {
                w.WriteStartArray("groups");
                foreach (var groupId in standard.GroupTargets.Order(StringComparer.Ordinal))
                {
                    WriteGroup(w, state.Groups[groupId], baseUrl);
                }

                w.WriteEndArray();
            }

            if (expand.Apps)
            {
                w.WriteStartObject("catalog");
                w.WriteStartArray("apps");
                foreach (var target in standard.AppTargets.OrderBy(t => t.Key, StringComparer.Ordinal))
                {
                    WriteCatalogApp(w, target, state, baseUrl);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteStartObject("_links");
        Href(w, "assignee", assignment.Assignee.Href(baseUrl));
        if (assignment is { CustomRole: { } role, ResourceSet: { } set })
        {
            Href(w, "resource-set", $"{baseUrl}/api/v1/iam/resource-sets/{set.Id}");
            Href(w, "member", $"{baseUrl}/api/v1/iam/resource-sets/{set.Id}/bindings/{role.Id}/members/{assignment.Id}");
            Href(w, "role", $"{baseUrl}/api/v1/iam/roles/{role.Id}");
            Href(w, "permissions", $"{baseUrl}/api/v1/iam/roles/{role.Id}/permissions");
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// A CatalogApplication target. "The response payload for an app instance contains the id property, but an
    /// OIN-cataloged app payload doesn't" (listApplicationTargetsForApplicationAdministratorRoleForUser).
    /// </summary>
    public static void WriteCatalogApp(Utf8JsonWriter w, AppTarget target, OrgState state, string baseUrl)
    {
        var instance = target.AppId is { } appId ? state.Apps.GetValueOrDefault(appId) : null;
        var catalogName = CatalogDisplayNames.GetValueOrDefault(target.AppName, target.AppName);
        w.WriteStartObject();
        w.WriteString("name", target.AppName);
        w.WriteString("displayName", instance?.Label ?? catalogName);
        w.WriteString("description", catalogName);
        if (target.AppId is not null)
        {
            w.WriteString("id", target.AppId);
        }

        w.WriteString("status", instance?.Status ?? AppStatus.Active);
        w.WriteString("lastUpdated", Timestamp(instance?.LastUpdated ?? state.Org.Created));
        w.WriteString("category", target.AppName == SimApp.AwsAppName ? "CLOUD_SERVICES" : "OTHER");
        w.WriteString("verificationStatus", "OKTA_VERIFIED");
        w.WriteString("website", target.AppName == SimApp.AwsAppName ? "https://aws.amazon.com" : "https://example.com");
        w.WriteStartArray("signOnModes");
        w.WriteStringValue(instance?.SignOnMode ?? "SAML_2_0");
        w.WriteEndArray();
        w.WriteStartArray("features");
        w.WriteEndArray();
        w.WriteStartObject("_links");
        w.WriteStartArray("logo");
        w.WriteEndArray();
        Href(w, "self", $"{baseUrl}/api/v1/catalog/apps/{target.AppName}");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>RoleAssignedUser: <c>{ id, orn, _links: { self, roles } }</c>.</summary>
    public static void WriteRoleAssignedUser(Utf8JsonWriter w, string userId, string orgId, string baseUrl)
    {
        w.WriteStartObject();
        w.WriteString("id", userId);
        w.WriteString("orn", $"orn:okta:directory:{orgId}:users:{userId}");
        w.WriteStartObject("_links");
        Href(w, "self", $"{baseUrl}/api/v1/users/{userId}");
        Href(w, "roles", $"{baseUrl}/api/v1/users/{userId}/roles");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteCustomRole(Utf8JsonWriter w, SimCustomRole role, string baseUrl)
    {
        w.WriteStartObject();
        w.WriteString("id", role.Id);
        w.WriteString("label", role.Label);
        w.WriteString("description", role.Description);
        w.WriteString("created", Timestamp(role.Created));
        w.WriteString("lastUpdated", Timestamp(role.Created));
        w.WriteStartObject("_links");
        Href(w, "permissions", $"{baseUrl}/api/v1/iam/roles/{role.Id}/permissions");
        Href(w, "self", $"{baseUrl}/api/v1/iam/roles/{role.Id}");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WritePermission(Utf8JsonWriter w, SimCustomRole role, string permission, string baseUrl)
    {
        w.WriteStartObject();
        w.WriteString("label", permission);
        w.WriteString("created", Timestamp(role.Created));
        w.WriteString("lastUpdated", Timestamp(role.Created));
        w.WriteNull("conditions");
        w.WriteStartObject("_links");
        Href(w, "role", $"{baseUrl}/api/v1/iam/roles/{role.Id}");
        Href(w, "self", $"{baseUrl}/api/v1/iam/roles/{role.Id}/permissions/{permission}");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteResourceSet(Utf8JsonWriter w, SimResourceSet set, string baseUrl)
    {
        w.WriteStartObject();
        w.WriteString("id", set.Id);
        w.WriteString("label", set.Label);
        w.WriteString("description", set.Description);
        w.WriteString("created", Timestamp(set.Created));
        w.WriteString("lastUpdated", Timestamp(set.Created));
        w.WriteStartObject("_links");
        Href(w, "self", $"{baseUrl}/api/v1/iam/resource-sets/{set.Id}");
        Href(w, "resources", $"{baseUrl}/api/v1/iam/resource-sets/{set.Id}/resources");
        Href(w, "bindings", $"{baseUrl}/api/v1/iam/resource-sets/{set.Id}/bindings");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteResource(Utf8JsonWriter w, SimResourceSet set, ResourceSetResource resource, string orgId, string baseUrl)
    {
        w.WriteStartObject();
        w.WriteString("id", resource.Id);
        w.WriteString("orn", resource.Orn(orgId));
        w.WriteString("created", Timestamp(resource.Created));
        w.WriteString("lastUpdated", Timestamp(resource.Created));
        w.WriteStartObject("_links");
        Href(w, "self", resource.Href(baseUrl));
        Href(w, "resource", $"{baseUrl}/api/v1/iam/resource-sets/{set.Id}/resources/{resource.Id}");
        if (resource.GroupId is { } groupId)
        {
            Href(w, "users", $"{baseUrl}/api/v1/groups/{groupId}/users");
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>ResourceSetBindingRole: <c>{ id, _links: { self: the role, members } }</c>.</summary>
    public static void WriteBindingRole(Utf8JsonWriter w, SimResourceSet set, string roleId, string baseUrl)
    {
        w.WriteStartObject();
        w.WriteString("id", roleId);
        w.WriteStartObject("_links");
        Href(w, "self", $"{baseUrl}/api/v1/iam/roles/{roleId}");
        Href(w, "members", $"{baseUrl}/api/v1/iam/resource-sets/{set.Id}/bindings/{roleId}/members");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>ResourceSetBindingResponse for one binding.</summary>
    public static void WriteBinding(Utf8JsonWriter w, SimResourceSet set, string roleId, string baseUrl)
    {
        w.WriteStartObject();
        w.WriteString("id", roleId);
        w.WriteStartObject("_links");
        Href(w, "self", $"{baseUrl}/api/v1/iam/resource-sets/{set.Id}/bindings/{roleId}");
        Href(w, "members", $"{baseUrl}/api/v1/iam/resource-sets/{set.Id}/bindings/{roleId}/members");
        Href(w, "resource-set", $"{baseUrl}/api/v1/iam/resource-sets/{set.Id}");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>ResourceSetBindingMember: <c>_links.self</c> is the member user or group.</summary>
    public static void WriteBindingMember(Utf8JsonWriter w, ResourceSetBindingMember member, string baseUrl)
    {
        w.WriteStartObject();
        w.WriteString("id", member.Id);
        w.WriteString("created", Timestamp(member.Created));
        w.WriteString("lastUpdated", Timestamp(member.Created));
        w.WriteStartObject("_links");
        Href(w, "self", member.Member.Href(baseUrl));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void Href(Utf8JsonWriter w, string name, string href)
    {
        w.WriteStartObject(name);
        w.WriteString("href", href);
        w.WriteEndObject();
    }
}
