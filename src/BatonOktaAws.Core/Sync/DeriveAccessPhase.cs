using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Baton;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Core.Sync.Syncers;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Sync;

/// <summary>
/// Applies <see cref="AwsAccessRules"/> to every user of one app, a chunk of users at a time, and writes each
/// resulting access as a user grant on <c>account:&lt;accountId&gt;:&lt;role&gt;</c> with its app and source. Along
/// the way it records what Okta's own view disagrees with (a group-scoped app user whose profile is not the one
/// the rules expect), access read from cases Okta does not document, and roles missing from the role list.
/// Grants are idempotent, so a resumed sync simply derives again; the warnings are kept in memory and written
/// once, with a checkpoint marking the app as derived, so a resumed sync neither repeats nor loses them.
/// </summary>
internal sealed class DeriveAccessPhase
{
    private const int ChunkSize = 2_000;

    /// <summary>Past this many, profile differences are summed up in one warning instead of one each.</summary>
    private const int MaxProfileWarnings = 50;

    private readonly SyncFileWriter _writer;
    private readonly AwsAppContext _app;
    private readonly AwsAccessRules _rules;
    private readonly RoleListCheck _roleList;
    private readonly HashSet<string> _entitlementsWritten = new(StringComparer.Ordinal);
    private readonly HashSet<string> _undocumentedGroups = new(StringComparer.Ordinal);
    private readonly Dictionary<SamlRole, List<string>> _directRolesNotInList = [];
    private readonly List<WarningRecord> _warnings = [];
    private int _profileDifferences;

    public DeriveAccessPhase(SyncFileWriter writer, AwsAppContext app)
    {
        _writer = writer;
        _app = app;
        _rules = new AwsAccessRules(app.Settings, app.SamlRolesUnion);
        _roleList = new RoleListCheck(app);
    }

    public long UsersProcessed { get; private set; }

    public string Stream => "derived:" + _app.AppId;

    public void Run(IReadOnlyDictionary<string, StreamCheckpoint> checkpoints, Action reportProgress, CancellationToken cancellationToken)
    {
        if (checkpoints.TryGetValue(Stream, out var done) && done.Done)
        {
            return;
        }

        foreach (var chunk in _writer.AppUsersWithMemberships(_app.AppId, ChunkSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var batch = _writer.BeginBatch();
            foreach (var member in chunk)
            {
                Derive(batch, member);
            }

            batch.Commit();
            UsersProcessed += chunk.Count;
            reportProgress();
        }

        using var last = _writer.BeginBatch();
        AddSummaries();
        foreach (var warning in _warnings)
        {
            last.AddWarning(warning);
        }

        last.SaveCheckpoint(new StreamCheckpoint(Stream, null, 0, UsersProcessed, true));
        last.Commit();
    }

    private void Derive(SyncBatch batch, AppUserMemberships member)
    {
        var appUser = member.AppUser;
        var userId = appUser.UserId;
        var direct = appUser.Scope == OktaAppUser.UserScope;
        var ownRoles = direct ? Quiet(appUser.SamlRoles, appUser.Role) : AssignmentRoles.None;
        var assigned = member.AssignedGroups
            .Select(g => new AssignedGroup(g.GroupId, g.Priority, Quiet(g.SamlRoles, g.Role)))
            .ToList();
        var mapped = member.MappedGroups
            .Select(g => new MappedGroup(g.GroupId, AwsAccountId.Parse(g.AccountId), SamlRole.Parse(g.Role)))
            .ToList();

        if (!direct && _app.Settings.Mode == AwsAppMode.SingleAccount)
        {
            CompareWithOkta(appUser, assigned);
        }

        if (direct)
        {
            foreach (var role in ownRoles.Effective.Where(r => !_roleList.IsKnown(r)))
            {
                if (!_directRolesNotInList.TryGetValue(role, out var holders))
                {
                    holders = [];
                    _directRolesNotInList[role] = holders;
                }

                holders.Add(userId);
            }
        }

        foreach (var access in _rules.Resolve(new AppAssignment(direct, ownRoles), assigned, mapped))
        {
            var entitlement = SyncRecords.Role(access.Account, access.Role);
            if (_entitlementsWritten.Add(entitlement.Id))
            {
                batch.UpsertAccount(SyncRecords.Account(access.Account));
                batch.AddEntitlement(entitlement);
            }

            if (access.Undocumented && access.Source.GroupId is { } groupId && _undocumentedGroups.Add(groupId))
            {
                _warnings.Add(new WarningRecord(
                    "undocumented-default-role",
                    $"Group {groupId} is assigned to {_app.Describe()} with only a default role ({access.Role}) while {(_app.Settings.JoinAllRoles ? "joinAllRoles" : "the samlRoles union")} is on; Okta does not document whether that role joins the others, so its members are reported as able to assume it — confirm in Okta.",
                    _app.AppId,
                    "group",
                    groupId));
            }

            batch.AddGrant(SyncRecords.Grant(entitlement, ResourceType.User, userId), _app.AppId, SyncRecords.Source(access.Source));
        }
    }

    /// <summary>
    /// A group-scoped app user's profile is Okta's own statement of which group's roles apply; when it differs
    /// from what the rules expect from the memberships we read, our model of the org is wrong somewhere.
    /// </summary>
    private void CompareWithOkta(AppUserRecord appUser, IReadOnlyList<AssignedGroup> assigned)
    {
        var expected = _rules.ExpectedGroupProfile(assigned);
        var reported = Quiet(appUser.SamlRoles, appUser.Role);
        var sameRoles = expected.SamlRoles.Select(r => r.Name).Order(StringComparer.Ordinal)
            .SequenceEqual(reported.SamlRoles.Select(r => r.Name).Order(StringComparer.Ordinal), StringComparer.Ordinal);
        if (sameRoles && expected.DefaultRole == reported.DefaultRole)
        {
            return;
        }

        if (++_profileDifferences > MaxProfileWarnings)
        {
            return;
        }

        _warnings.Add(new WarningRecord(
            "okta-profile-differs",
            $"Okta reports user {appUser.UserId} in {_app.Describe()} with {Describe(reported)}, but their group memberships give {Describe(expected)}; access is derived from the memberships — check the user's groups in Okta.",
            _app.AppId,
            "user",
            appUser.UserId));
    }

    private void AddSummaries()
    {
        if (_profileDifferences > MaxProfileWarnings)
        {
            _warnings.Add(new WarningRecord(
                "okta-profile-differs",
                $"{_profileDifferences - MaxProfileWarnings} more users of {_app.Describe()} have an Okta profile that differs from what their group memberships give (only the first {MaxProfileWarnings} are listed).",
                _app.AppId));
        }

        foreach (var (role, holders) in _directRolesNotInList.OrderBy(r => r.Key.Name, StringComparer.Ordinal))
        {
            var shown = string.Join(", ", holders.Take(5));
            _warnings.Add(new WarningRecord(
                "role-not-in-role-list",
                $"Role {role} is assigned directly to {holders.Count} user(s) of {_app.Describe()} ({shown}{(holders.Count > 5 ? ", …" : string.Empty)}), but the account's AWS role list does not have it (sign-in with it fails).",
                _app.AppId,
                "role",
                role.Name));
        }
    }

    /// <summary>Roles of a stored profile; unusable names were reported when the page holding the profile was written.</summary>
    /// <summary>The profile's roles without warnings: the syncers warned of unusable names as they read them.</summary>
    private static AssignmentRoles Quiet(IReadOnlyList<string> samlRoles, string? role) => AssignmentRoles.FromProfile(samlRoles, role);

    private static string Describe(AssignmentRoles roles) =>
        $"samlRoles [{string.Join(", ", roles.SamlRoles)}]{(roles.DefaultRole is { } d ? $" and role {d}" : string.Empty)}";
}
