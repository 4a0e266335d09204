using System.Runtime.CompilerServices;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Review.Admin;

/// <summary>
/// Derives, from one sync's admin roles, who can change who may assume AWS roles through each app — by changing the
/// app's assignments, or the membership of a group that grants a role — and how they hold that power (the role,
/// directly or through a group). The rules and their Okta sources are in <see cref="AdminRoleRules"/> and
/// docs/aws-access.md. From the sync file alone.
/// </summary>
public static class WhoCanChangeAwsAccess
{
    private static readonly ConditionalWeakTable<ReviewSnapshot, AdminAccessReview> Derived = [];

    /// <summary>The review of one sync (derived once per snapshot).</summary>
    public static AdminAccessReview For(ReviewSnapshot sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        return Derived.GetValue(sync, Derive);
    }

    private static AdminAccessReview Derive(ReviewSnapshot sync)
    {
        var notReviewed = sync.Warnings.FirstOrDefault(w => w.Code == "admin-roles-not-reviewed")?.Message;
        var holdings = Holdings(sync);
        var roleGroups = holdings.Where(h => h.Assignment.AssigneeType == "group").Select(h => h.Assignment.AssigneeId).ToHashSet(StringComparer.Ordinal);
        var people = People(sync, holdings);
        var gaps = new List<AdminReviewGap>();
        foreach (var unknown in people.Where(p => !p.Holding.IsEvaluable).GroupBy(p => p.Holding.Assignment.RoleId, StringComparer.Ordinal))
        {
            var holding = unknown.First().Holding;
            var why = holding.IsCustom
                ? $"The custom role '{holding.Label}' ({holding.Assignment.RoleId}) was not evaluated: its permissions or its resource set '{holding.Assignment.ResourceSetId}' were not read (sync with --sync-custom-roles)"
                : $"The role {holding.Type} ('{holding.Label}') was not evaluated: it is not a standard role Okta documents permissions for";
            gaps.Add(new AdminReviewGap(AdminReviewGap.RoleNotEvaluated, $"{why}. Held by {unknown.Count()} person(s), who may be able to change AWS access.", holding.Assignment.RoleId, null, [.. unknown.Select(p => p.UserId).Distinct(StringComparer.Ordinal)]));
        }

        var evaluable = people.Where(p => p.Holding.IsEvaluable).ToList();
        var paths = new List<AccessChangePath>();
        var grants = sync.GroupRoleGrants.ToLookup(g => g.AppId, StringComparer.Ordinal);
        var masteredElsewhere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var app in sync.Apps.Values)
        {
            foreach (var (userId, held, holding) in evaluable)
            {
                if (AdminRoleRules.CanChangeAssignments(holding, app) is { } reason)
                {
                    paths.Add(Path(sync, app, app.UseGroupMapping ? null : app.AccountId, null, AdminCapability.AppAssignments, null, userId, held, reason));
                }
            }

            foreach (var (groupId, roles) in Levers(sync, app, grants[app.AppId]))
            {
                var group = sync.Groups.TryGetValue(groupId, out var known) ? known : new GroupRecord(groupId, groupId, null, null);
                if (group.GroupType == "APP_GROUP")
                {
                    if (masteredElsewhere.Add(groupId))
                    {
                        var source = group.SourceAppName ?? (group.SourceAppId is { } appId ? $"app {appId}" : "its source directory");
                        gaps.Add(new AdminReviewGap(
                            AdminReviewGap.GroupMasteredElsewhere,
                            $"Group '{group.Name}' grants AWS roles but its members come from {source}: no Okta admin can change them; review who can in {source}.",
                            null,
                            groupId));
                    }

                    continue;
                }

                foreach (var (userId, held, holding) in evaluable)
                {
                    if (AdminRoleRules.CanChangeMembership(holding, group, roleGroups.Contains(groupId)) is not { } reason)
                    {
                        continue;
                    }

                    foreach (var role in roles)
                    {
                        paths.Add(Path(sync, app, role?.AccountId, role?.Role, AdminCapability.GroupMembership, group, userId, held, reason));
                    }
                }
            }
        }

        return new AdminAccessReview(notReviewed is null, notReviewed, Order(paths), gaps);
    }

    /// <summary>
    /// The groups that give an app's AWS roles: each group granting (account, role) through the app, and — for a
    /// group-mapping app — each assigned group, whose members become app users (a null role: the mapped groups decide).
    /// </summary>
    private static IEnumerable<(string GroupId, IReadOnlyList<GroupRoleGrantRecord?> Roles)> Levers(ReviewSnapshot sync, AwsAppRecord app, IEnumerable<GroupRoleGrantRecord> grants)
    {
        var levers = grants.GroupBy(g => g.GroupId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Cast<GroupRoleGrantRecord?>().ToList(), StringComparer.Ordinal);
        if (app.UseGroupMapping)
        {
            foreach (var assigned in sync.AppGroups.Where(g => g.AppId == app.AppId))
            {
                (levers.TryGetValue(assigned.GroupId, out var roles) ? roles : levers[assigned.GroupId] = []).Add(null);
            }
        }

        return levers.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => (l.Key, (IReadOnlyList<GroupRoleGrantRecord?>)l.Value));
    }

    private static List<AdminRoleHolding> Holdings(ReviewSnapshot sync)
    {
        var targets = sync.AdminRoleTargets.ToLookup(t => (t.AssigneeType, t.AssigneeId, t.AssignmentId));
        var customRoles = sync.CustomRoles.ToDictionary(r => r.RoleId, StringComparer.Ordinal);
        var sets = sync.ResourceSets.ToDictionary(s => s.ResourceSetId, StringComparer.Ordinal);
        var resources = sync.ResourceSetResources.ToLookup(r => r.ResourceSetId, StringComparer.Ordinal);
        var assignments = sync.AdminRoles.ToList();

        // A binding is a custom role assignment seen from the resource set: one no holder's list showed still counts.
        var known = assignments.Where(a => a.RoleType == OktaRoleTypes.Custom).Select(a => (a.AssigneeType, a.AssigneeId, a.RoleId, a.ResourceSetId)).ToHashSet();
        foreach (var binding in sync.ResourceSetBindings.Where(b => b.MemberType is not null && b.PrincipalId is not null))
        {
            if (known.Add((binding.MemberType!, binding.PrincipalId!, binding.RoleId, binding.ResourceSetId)))
            {
                assignments.Add(new AdminRoleAssignmentRecord(binding.MemberType!, binding.PrincipalId!, binding.MemberId, OktaRoleTypes.Custom, binding.RoleId, customRoles.GetValueOrDefault(binding.RoleId)?.Label, null, binding.ResourceSetId));
            }
        }

        return [.. assignments
            .Where(a => !string.Equals(a.Status, "INACTIVE", StringComparison.OrdinalIgnoreCase))
            .Select(a => new AdminRoleHolding(
                a,
                [.. targets[(a.AssigneeType, a.AssigneeId, a.AssignmentId)]],
                a.RoleType == OktaRoleTypes.Custom ? customRoles.GetValueOrDefault(a.RoleId) : null,
                a.ResourceSetId is { } setId && sets.ContainsKey(setId) ? [.. resources[setId]] : null,
                a.ResourceSetId is { } id && sets.TryGetValue(id, out var set) ? set.Label : null))];
    }

    /// <summary>Who holds each role: the user it is assigned to, or every member of the group it is assigned to.</summary>
    private static List<(string UserId, HeldAdminRole Held, AdminRoleHolding Holding)> People(ReviewSnapshot sync, List<AdminRoleHolding> holdings)
    {
        var people = new List<(string, HeldAdminRole, AdminRoleHolding)>();
        foreach (var holding in holdings)
        {
            var a = holding.Assignment;
            if (a.AssigneeType == "user")
            {
                people.Add((a.AssigneeId, new HeldAdminRole(a.RoleType, a.RoleId, holding.Label, null, null), holding));
                continue;
            }

            var held = new HeldAdminRole(a.RoleType, a.RoleId, holding.Label, a.AssigneeId, sync.GroupName(a.AssigneeId));
            people.AddRange(sync.Members(a.AssigneeId).Order(StringComparer.Ordinal).Select(userId => (userId, held, holding)));
        }

        return people;
    }

    private static AccessChangePath Path(ReviewSnapshot sync, AwsAppRecord app, string? accountId, string? role, AdminCapability capability, GroupRecord? group, string userId, HeldAdminRole held, string reason)
    {
        var user = sync.Users.GetValueOrDefault(userId);
        return new AccessChangePath(app.AppId, app.Label, accountId, role, capability, group?.Id, group?.Name, userId, user?.Login, user?.Status, held, reason);
    }

    private static List<AccessChangePath> Order(List<AccessChangePath> paths) =>
    [
        .. paths
            .DistinctBy(p => (p.AppId, p.AccountId, p.Role, p.Capability, p.GroupId, p.UserId, p.Held.RoleId, p.Held.Source))
            .OrderBy(p => p.AppLabel, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.AppId, StringComparer.Ordinal)
            .ThenBy(p => p.Capability)
            .ThenBy(p => p.GroupName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.AccountId, StringComparer.Ordinal)
            .ThenBy(p => p.Role, StringComparer.Ordinal)
            .ThenBy(p => p.Login ?? p.UserId, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.Held.RoleId, StringComparer.Ordinal)
            .ThenBy(p => p.Held.Source, StringComparer.Ordinal),
    ];
}
