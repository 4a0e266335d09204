using System.Globalization;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Review.Diff;

/// <summary>
/// Compares two syncs (of one file, or of two files) as a reviewer asks: access rows added and removed, users whose
/// status changed, memberships of groups that grant AWS roles, app settings, and assignments whose roles changed.
/// </summary>
public static class SyncComparer
{
    public static SyncDiff Compare(ReviewSnapshot from, ReviewSnapshot to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return new SyncDiff(from.Run, to.Run, Access(from, to), Statuses(from, to), Memberships(from, to), Settings(from, to), Assignments(from, to));
    }

    private static List<AccessChange> Access(ReviewSnapshot from, ReviewSnapshot to)
    {
        static (string, string, string, string, string) Key(AccessRow r) => (r.UserId, r.AppId, r.AccountId, r.Role, r.Source);
        var before = from.Access.ToDictionary(Key);
        var after = to.Access.ToDictionary(Key);
        return [.. after.Where(a => !before.ContainsKey(a.Key)).Select(a => Change(ChangeKind.Added, a.Value))
            .Concat(before.Where(b => !after.ContainsKey(b.Key)).Select(b => Change(ChangeKind.Removed, b.Value)))
            .OrderBy(c => c.Login ?? c.UserId, StringComparer.OrdinalIgnoreCase)
            .ThenBy(c => c.AppLabel, StringComparer.OrdinalIgnoreCase)
            .ThenBy(c => c.AccountId, StringComparer.Ordinal)
            .ThenBy(c => c.Role, StringComparer.Ordinal)
            .ThenBy(c => c.Change)];
    }

    private static AccessChange Change(ChangeKind kind, AccessRow row) =>
        new(kind, row.UserId, row.Login, row.AppId, row.AppLabel, row.AccountId, row.Role, row.Source);

    private static List<UserStatusChange> Statuses(ReviewSnapshot from, ReviewSnapshot to) =>
        [.. to.Users.Values
            .Where(u => from.Users.TryGetValue(u.Id, out var before) && !string.Equals(before.Status, u.Status, StringComparison.Ordinal) && u.Status is not null && before.Status is not null)
            .Select(u => new UserStatusChange(u.Id, u.Login, from.Users[u.Id].Status, u.Status))
            .OrderBy(c => c.Login ?? c.UserId, StringComparer.OrdinalIgnoreCase)];

    /// <summary>Memberships of groups that grant a role in either sync (a group source of access, an assigned group, a mapped group).</summary>
    private static List<MembershipChange> Memberships(ReviewSnapshot from, ReviewSnapshot to)
    {
        var granting = RoleGrantingGroups(from).Concat(RoleGrantingGroups(to)).ToHashSet(StringComparer.Ordinal);
        var changes = new List<MembershipChange>();
        foreach (var groupId in granting.Order(StringComparer.Ordinal))
        {
            // A group whose members one side did not read says nothing about membership changes.
            if (!from.MembersByGroup.TryGetValue(groupId, out var before) || !to.MembersByGroup.TryGetValue(groupId, out var after))
            {
                continue;
            }

            var name = to.Groups.ContainsKey(groupId) ? to.GroupName(groupId) : from.GroupName(groupId);
            changes.AddRange(after.Except(before).Select(u => new MembershipChange(ChangeKind.Added, groupId, name, u, to.Login(u))));
            changes.AddRange(before.Except(after).Select(u => new MembershipChange(ChangeKind.Removed, groupId, name, u, from.Login(u) ?? to.Login(u))));
        }

        return [.. changes.OrderBy(c => c.GroupName, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Login ?? c.UserId, StringComparer.OrdinalIgnoreCase)];
    }

    private static IEnumerable<string> RoleGrantingGroups(ReviewSnapshot sync) =>
        sync.Access.Where(r => r.Source.StartsWith("group:", StringComparison.Ordinal)).Select(r => r.Source[6..])
            .Concat(sync.AppGroups.Where(g => g.SamlRoles.Count > 0 || g.Role is not null).Select(g => g.GroupId))
            .Concat(sync.MappedGroups.Select(g => g.GroupId));

    private static List<AppSettingChange> Settings(ReviewSnapshot from, ReviewSnapshot to)
    {
        var changes = new List<AppSettingChange>();
        foreach (var appId in from.Apps.Keys.Union(to.Apps.Keys).Order(StringComparer.Ordinal))
        {
            var before = from.Apps.GetValueOrDefault(appId);
            var after = to.Apps.GetValueOrDefault(appId);
            var label = after?.Label ?? before?.Label;
            if (before is null || after is null)
            {
                changes.Add(new AppSettingChange(appId, label, "app", before is null ? null : "synced", after is null ? null : "synced"));
                continue;
            }

            foreach (var (setting, a, b) in Settings(before).Zip(Settings(after), (x, y) => (x.Setting, x.Value, y.Value)))
            {
                if (!string.Equals(a, b, StringComparison.Ordinal))
                {
                    changes.Add(new AppSettingChange(appId, label, setting, a, b));
                }
            }
        }

        return changes;
    }

    private static IEnumerable<(string Setting, string? Value)> Settings(AwsAppRecord app)
    {
        yield return ("label", app.Label);
        yield return ("status", app.Status);
        yield return ("mode", app.Mode);
        yield return ("identityProviderArn", app.IdentityProviderArn);
        yield return ("joinAllRoles", Flag(app.JoinAllRoles));
        yield return ("samlRolesUnion", Flag(app.SamlRolesUnion));
        yield return ("groupFilter", app.GroupFilter);
        yield return ("appFilter", app.AppFilter);
        yield return ("roleValuePattern", app.RoleValuePattern);
        yield return ("roleListAvailable", Flag(app.RoleListAvailable));
    }

    private static string Flag(bool value) => value ? "true" : "false";

    private static List<AssignmentChange> Assignments(ReviewSnapshot from, ReviewSnapshot to)
    {
        var changes = new List<AssignmentChange>();

        // Direct assignments are the user's own; a group-scoped app user's profile is the groups', compared with them.
        var directBefore = from.AppUsers.Where(u => u.Scope == OktaAppUser.UserScope).ToDictionary(u => (u.AppId, u.UserId));
        var directAfter = to.AppUsers.Where(u => u.Scope == OktaAppUser.UserScope).ToDictionary(u => (u.AppId, u.UserId));
        foreach (var key in directBefore.Keys.Union(directAfter.Keys))
        {
            var a = directBefore.TryGetValue(key, out var x) ? Describe(x.SamlRoles, x.Role, null) : null;
            var b = directAfter.TryGetValue(key, out var y) ? Describe(y.SamlRoles, y.Role, null) : null;
            if (a != b)
            {
                var name = to.Login(key.UserId) ?? from.Login(key.UserId) ?? key.UserId;
                changes.Add(new AssignmentChange(Kind(a, b), key.AppId, to.AppLabel(key.AppId), "user", key.UserId, name, a, b));
            }
        }

        var groupsBefore = from.AppGroups.ToDictionary(g => (g.AppId, g.GroupId));
        var groupsAfter = to.AppGroups.ToDictionary(g => (g.AppId, g.GroupId));
        foreach (var key in groupsBefore.Keys.Union(groupsAfter.Keys))
        {
            var a = groupsBefore.TryGetValue(key, out var x) ? Describe(x.SamlRoles, x.Role, x.Priority) : null;
            var b = groupsAfter.TryGetValue(key, out var y) ? Describe(y.SamlRoles, y.Role, y.Priority) : null;
            if (a != b)
            {
                var name = to.Groups.ContainsKey(key.GroupId) ? to.GroupName(key.GroupId) : from.GroupName(key.GroupId);
                changes.Add(new AssignmentChange(Kind(a, b), key.AppId, to.AppLabel(key.AppId), "group", key.GroupId, name, a, b));
            }
        }

        return [.. changes.OrderBy(c => c.AppLabel, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.PrincipalType, StringComparer.Ordinal).ThenBy(c => c.PrincipalName, StringComparer.OrdinalIgnoreCase)];
    }

    private static ChangeKind Kind(string? from, string? to) => from is null ? ChangeKind.Added : to is null ? ChangeKind.Removed : ChangeKind.Changed;

    private static string Describe(IReadOnlyList<string> samlRoles, string? role, int? priority)
    {
        var text = $"samlRoles [{string.Join(", ", samlRoles.Order(StringComparer.Ordinal))}]";
        if (role is not null)
        {
            text += $", role {role}";
        }

        return priority is null ? text : text + $", priority {priority.Value.ToString(CultureInfo.InvariantCulture)}";
    }
}
