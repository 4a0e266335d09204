using BatonOktaAws.Core.Okta.Models;

namespace BatonOktaAws.Core.Provisioning;

/// <summary>
/// <c>account:&lt;accountId&gt;:&lt;role&gt;</c> for a group: assign the group to the app with the role, add it to
/// the assignment's samlRoles, or (revoke) take it out. Read-modify-write, re-read and verified.
/// </summary>
internal static class GroupRoleChange
{
    private const int Attempts = 3;

    public static async Task<PlannedChange> PlanAsync(ProvisioningChange change, ProvisioningContext context, CancellationToken cancellationToken)
    {
        var (app, role, warnings) = await context.RequireRoleChangeAllowedAsync(change, cancellationToken).ConfigureAwait(false);
        var appId = app.AppId;
        var appRef = new AppRef(appId, app.Label);
        var groupId = change.Principal;
        await context.RequireGroupAsync(groupId, cancellationToken).ConfigureAwait(false);
        var assignment = await context.Client.FindAppGroupAssignmentAsync(appId, groupId, cancellationToken).ConfigureAwait(false);
        var step = Decide(change.Action, assignment, role.Name, appId, groupId);
        if (step.Write is null)
        {
            return PlannedChange.Nothing(change, step.NoOp!.Value, State(assignment), warnings, appRef);
        }

        return new PlannedChange(change, null, step.Write, State(assignment), warnings, (sent, ct) => ApplyAsync(change, context, appId, role.Name, groupId, sent, ct)) { App = appRef };
    }

    private static async Task<AppliedChange> ApplyAsync(ProvisioningChange change, ProvisioningContext context, string appId, string role, string groupId, SentWrites sent, CancellationToken cancellationToken)
    {
        var client = context.Client;
        var writes = new List<OktaWrite>();
        string? lastSeen = null;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var before = await client.FindAppGroupAssignmentAsync(appId, groupId, cancellationToken).ConfigureAwait(false);
            var step = Decide(change.Action, before, role, appId, groupId);
            if (step.Write is null)
            {
                return new AppliedChange(step.NoOp!.Value, State(before), State(before), writes);
            }

            writes.Add(step.Write);
            await sent.SendAsync(step.Write, () => before is null
                ? client.AssignGroupToAppAsync(appId, groupId, step.Desired, cancellationToken)
                : client.PatchAppGroupRolesAsync(appId, groupId, step.Desired, cancellationToken)).ConfigureAwait(false);

            context.AppGroupsChanged(appId);
            var after = await client.FindAppGroupAssignmentAsync(appId, groupId, cancellationToken).ConfigureAwait(false);
            if (after is not null && RoleSet.SameAs(after.Profile?.SamlRoles, step.Desired))
            {
                return new AppliedChange(change.Action == ChangeAction.Grant ? ProvisioningOutcome.Granted : ProvisioningOutcome.Revoked, State(before), State(after), writes);
            }

            // Someone else changed the assignment between our read and our check: read again and redo.
            lastSeen = State(after);
        }

        throw new ProvisioningException($"The samlRoles of group {groupId}'s assignment kept changing while {change.Action.ToString().ToLowerInvariant()}ing {role} (last seen: {lastSeen}); gave up after {Attempts} attempts — check the assignment in Okta.");
    }

    private static (ProvisioningOutcome? NoOp, OktaWrite? Write, List<string> Desired) Decide(ChangeAction action, OktaAppGroupAssignment? assignment, string role, string appId, string groupId)
    {
        var roles = assignment?.Profile?.SamlRoles ?? [];
        var has = roles.Contains(role, StringComparer.Ordinal);
        if (action == ChangeAction.Grant)
        {
            if (has)
            {
                return (ProvisioningOutcome.AlreadyGranted, null, []);
            }

            var desired = RoleSet.With(roles, role);
            return assignment is null
                ? (null, PutWrite(appId, groupId, desired), desired)
                : (null, PatchWrite(appId, groupId, desired), desired);
        }

        if (assignment is null || !has)
        {
            return (ProvisioningOutcome.AlreadyRevoked, null, []);
        }

        // Take only this role away: the group stays assigned, with its other roles (possibly none).
        var remaining = RoleSet.Without(roles, role);
        return (null, PatchWrite(appId, groupId, remaining), remaining);
    }

    private static OktaWrite PutWrite(string appId, string groupId, List<string> roles) =>
        new("PUT", $"/api/v1/apps/{appId}/groups/{groupId}", ProvisioningContext.Json(new AppGroupAssignRequest { Profile = new AwsAppProfile { SamlRoles = roles } }, OktaJsonContext.Default.AppGroupAssignRequest));

    private static OktaWrite PatchWrite(string appId, string groupId, List<string> roles) =>
        new("PATCH", $"/api/v1/apps/{appId}/groups/{groupId}", ProvisioningContext.Json<List<SamlRolesPatchOperation>>([new SamlRolesPatchOperation { Value = roles }], OktaJsonContext.Default.ListSamlRolesPatchOperation));

    private static string State(OktaAppGroupAssignment? assignment) =>
        assignment is null ? "not assigned to the app" : $"assigned, priority {assignment.Priority?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, samlRoles {RoleSet.Describe(assignment.Profile?.SamlRoles)}";
}
