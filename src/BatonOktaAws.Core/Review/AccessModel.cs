using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Review;

/// <summary>One access path as the rules give it: the role in an account, through an app, from a source.</summary>
public sealed record AccessPath(string AppId, string AccountId, string Role, string Source);

/// <summary>
/// The access rules re-run over a stored sync, for one user at a time and with a change applied — a membership
/// removed, a direct role taken away — so a reviewer sees what a revocation really does: what else it removes, and
/// which shadowed roles start to apply. The same <see cref="AwsAccessRules"/> the sync uses.
/// </summary>
public sealed class AccessModel
{
    private readonly ReviewSnapshot _sync;
    private readonly Dictionary<string, AwsAccessRules> _rules = new(StringComparer.Ordinal);
    private readonly Dictionary<(string AppId, string UserId), AppUserRecord> _appUsers;
    private readonly ILookup<string, AppGroupRecord> _appGroups;
    private readonly ILookup<string, MappedGroupRecord> _mappedGroups;
    private readonly Dictionary<string, HashSet<string>> _groupsOfUser = new(StringComparer.Ordinal);

    public AccessModel(ReviewSnapshot sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        _sync = sync;
        _appUsers = sync.AppUsers.ToDictionary(u => (u.AppId, u.UserId));
        _appGroups = sync.AppGroups.ToLookup(g => g.AppId, StringComparer.Ordinal);
        _mappedGroups = sync.MappedGroups.ToLookup(g => g.AppId, StringComparer.Ordinal);
        foreach (var (groupId, members) in sync.MembersByGroup)
        {
            foreach (var userId in members)
            {
                if (!_groupsOfUser.TryGetValue(userId, out var groups))
                {
                    groups = new HashSet<string>(StringComparer.Ordinal);
                    _groupsOfUser[userId] = groups;
                }

                groups.Add(groupId);
            }
        }

        foreach (var app in sync.Apps.Values)
        {
            var settings = new AwsAppSettings
            {
                UseGroupMapping = app.UseGroupMapping,
                JoinAllRoles = app.JoinAllRoles,
                AccountId = AwsAccountId.TryParse(app.AccountId, out var account) ? account : null,
            };
            if (settings.Mode == AwsAppMode.GroupMapping || settings.AccountId is not null)
            {
                _rules[app.AppId] = new AwsAccessRules(settings, app.SamlRolesUnion);
            }
        }
    }

    /// <summary>Every path the user has through every app, optionally without one group membership or one direct role.</summary>
    public IReadOnlyList<AccessPath> Paths(string userId, string? withoutGroup = null, (string AppId, string Role)? withoutDirectRole = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var groups = _groupsOfUser.TryGetValue(userId, out var g) ? g.Where(x => x != withoutGroup).ToHashSet(StringComparer.Ordinal) : [];
        var paths = new List<AccessPath>();
        foreach (var (appId, rules) in _rules)
        {
            var assigned = _appGroups[appId].Where(a => groups.Contains(a.GroupId)).ToList();
            AppAssignment assignment;
            if (_appUsers.TryGetValue((appId, userId), out var appUser) && appUser.Scope == OktaAppUser.UserScope)
            {
                // Without the role, the profile Okta keeps: its other samlRoles, or — with none left — its default role.
                var samlRoles = withoutDirectRole is { } drop && drop.AppId == appId
                    ? [.. appUser.SamlRoles.Where(r => r != drop.Role)]
                    : appUser.SamlRoles;
                assignment = new AppAssignment(true, AssignmentRoles.FromProfile(samlRoles, appUser.Role));
            }
            else if (assigned.Count > 0)
            {
                assignment = AppAssignment.ThroughGroups;
            }
            else
            {
                // Not assigned to the app (any longer): nothing from it, group mapping included.
                continue;
            }

            var mapped = _mappedGroups[appId]
                .Where(m => groups.Contains(m.GroupId))
                .Select(m => new MappedGroup(m.GroupId, AwsAccountId.Parse(m.AccountId), SamlRole.Parse(m.Role)))
                .ToList();
            var assignedGroups = assigned.Select(a => new AssignedGroup(a.GroupId, a.Priority, AssignmentRoles.FromProfile(a.SamlRoles, a.Role))).ToList();
            paths.AddRange(rules.Resolve(assignment, assignedGroups, mapped)
                .Select(r => new AccessPath(appId, r.Account.Value, r.Role.Name, r.Source.ToString())));
        }

        return paths;
    }

    /// <summary>What revoking <paramref name="row"/>'s grant does to its user: the paths it removes and the ones that start to apply.</summary>
    public RevocationImpact Revoke(AccessRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var now = Paths(row.UserId).ToHashSet();
        var after = row.Source.StartsWith("group:", StringComparison.Ordinal)
            ? Paths(row.UserId, withoutGroup: row.Source[6..])
            : Paths(row.UserId, withoutDirectRole: (row.AppId, row.Role));
        var afterSet = after.ToHashSet();
        return new RevocationImpact(
            [.. now.Where(p => !afterSet.Contains(p))],
            [.. afterSet.Where(p => !now.Contains(p))]);
    }
}

/// <summary>What revoking one grant changes for its user: the access paths it removes, and shadowed paths that then apply.</summary>
public sealed record RevocationImpact(IReadOnlyList<AccessPath> Removes, IReadOnlyList<AccessPath> ThenApplies);
