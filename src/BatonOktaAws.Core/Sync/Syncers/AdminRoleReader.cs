using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Models;

namespace BatonOktaAws.Core.Sync.Syncers;

/// <summary>
/// Reads a user's or group's admin role assignments with their targets: one request with both targets embedded,
/// and a targets list only for a role whose targets Okta did not embed (Okta documents one <c>expand</c> value per
/// request, so a second kind may be missing).
/// </summary>
internal static class AdminRoleReader
{
    public static async Task<IReadOnlyList<AdminRoleRead>> ReadAsync(OktaClient client, OktaRoleHolder holder, CancellationToken cancellationToken)
    {
        var assignments = await client.ListRoleAssignmentsAsync(holder, cancellationToken).ConfigureAwait(false);
        return await Task.WhenAll(assignments.Select(a => ResolveAsync(client, holder, a, cancellationToken))).ConfigureAwait(false);
    }

    private static async Task<AdminRoleRead> ResolveAsync(OktaClient client, OktaRoleHolder holder, OktaRoleAssignment assignment, CancellationToken cancellationToken)
    {
        // In a user's list a role held through a group names the group as assignee; its targets belong to the group's assignment.
        var assignee = !holder.IsGroup && assignment.AssignmentType == OktaRoleAssignment.GroupAssignment
            ? OktaRoleHolder.FromAssigneeHref(assignment.Links?.Assignee?.Href) ?? holder
            : holder;
        var embedded = assignment.Embedded?.Targets;
        IReadOnlyList<OktaCatalogApp> apps = embedded?.Catalog?.Apps is { } embeddedApps ? embeddedApps
            : OktaRoleTypes.TakesAppTargets(assignment.Type) ? await client.ListRoleAppTargetsAsync(assignee, assignment.Id!, cancellationToken).ConfigureAwait(false)
            : [];
        IReadOnlyList<OktaGroup> groups = embedded?.Groups is { } embeddedGroups ? embeddedGroups
            : OktaRoleTypes.TakesGroupTargets(assignment.Type) ? await client.ListRoleGroupTargetsAsync(assignee, assignment.Id!, cancellationToken).ConfigureAwait(false)
            : [];
        return new AdminRoleRead(assignment, assignee, apps, groups);
    }
}
