using BatonOktaAws.Core.Baton;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Sync.Syncers;

/// <summary>
/// How admin roles become sync-file records: the assignment and its targets as Okta reported them, and in Baton's
/// model a <c>role</c> resource (a standard role by type, a custom role by id), its entitlement
/// <c>role:&lt;roleIdOrType&gt;:assigned</c> and a grant to the user or group that holds it.
/// </summary>
internal static class AdminRoleRecords
{
    public static void Write(SyncBatch batch, AdminRoleRead read)
    {
        var assignment = read.Assignment;
        var roleId = assignment.RoleKey;
        if (!OktaId.IsValid(roleId))
        {
            batch.AddWarning(new WarningRecord(
                "unexpected-admin-role",
                $"Role assignment {assignment.Id} of {Describe(read.Assignee)} names role '{OktaId.Printable(roleId)}', which is not a usable id; it was left out.",
                null,
                read.Assignee.IsGroup ? ResourceType.Group : ResourceType.User,
                read.Assignee.Id));
            return;
        }

        var principalType = read.Assignee.IsGroup ? ResourceType.Group : ResourceType.User;
        var record = new AdminRoleAssignmentRecord(principalType, read.Assignee.Id, assignment.Id!, assignment.Type!, roleId, assignment.Label, assignment.Status, assignment.ResourceSet);
        batch.PutAdminRole(record, Targets(record, read));
        var label = assignment.Label ?? roleId;
        var entitlement = Role(batch, roleId, label, custom: assignment.Role is not null || assignment.Type == OktaRoleTypes.Custom);
        batch.AddGrant(SyncRecords.Grant(entitlement, principalType, read.Assignee.Id), SyncRecords.NoApp, GrantSource.Direct.Value);
    }

    /// <summary>The role's resource and entitlement; returns the entitlement.</summary>
    public static EntitlementRecord Role(SyncBatch batch, string roleId, string label, bool custom)
    {
        batch.UpsertAdminRoleResource(roleId, label, custom ? "Okta custom admin role" : "Okta standard admin role");
        var id = EntitlementId.AdminRoleAssigned(roleId);
        var entitlement = new EntitlementRecord(id.ToString(), id.ResourceType, id.ResourceId, id.Slug, $"{label} (Okta admin role)", $"Holds the Okta admin role {label}");
        batch.AddEntitlement(entitlement);
        return entitlement;
    }

    private static List<AdminRoleTargetRecord> Targets(AdminRoleAssignmentRecord role, AdminRoleRead read)
    {
        var targets = new List<AdminRoleTargetRecord>();
        foreach (var app in read.AppTargets)
        {
            if (string.IsNullOrWhiteSpace(app.Name))
            {
                continue;
            }

            targets.Add(app.Id is { } appId && OktaId.IsValid(appId)
                ? new AdminRoleTargetRecord(role.AssigneeType, role.AssigneeId, role.AssignmentId, AdminRoleTargetRecord.AppInstance, appId, app.Name, app.DisplayName)
                : new AdminRoleTargetRecord(role.AssigneeType, role.AssigneeId, role.AssignmentId, AdminRoleTargetRecord.App, app.Name, app.Name, app.DisplayName));
        }

        foreach (var group in read.GroupTargets)
        {
            if (OktaId.IsValid(group.Id))
            {
                targets.Add(new AdminRoleTargetRecord(role.AssigneeType, role.AssigneeId, role.AssignmentId, AdminRoleTargetRecord.Group, group.Id, null, group.Profile?.Name));
            }
        }

        return targets;
    }

    private static string Describe(OktaRoleHolder holder) => holder.IsGroup ? $"group {holder.Id}" : $"user {holder.Id}";
}
