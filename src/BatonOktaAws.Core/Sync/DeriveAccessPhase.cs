using System.Text;
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

    /// <summary>How many combinations of assignment and groups (and distinct profiles) are kept (<see cref="DeriveFor"/>).</summary>
    private const int MaxRemembered = 4_096;

    private readonly SyncFileWriter _writer;
    private readonly AwsAppContext _app;
    private readonly AwsAccessRules _rules;
    private readonly RoleListCheck _roleList;
    private readonly HashSet<string> _entitlementsWritten = new(StringComparer.Ordinal);
    private readonly HashSet<string> _undocumentedGroups = new(StringComparer.Ordinal);
    private readonly Dictionary<SamlRole, List<string>> _directRolesNotInList = [];
    private readonly List<WarningRecord> _warnings = [];
    private readonly Dictionary<string, DerivedAccess> _derived = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AssignmentRoles> _profiles = new(StringComparer.Ordinal);
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
        var ownRoles = direct ? Roles(appUser.SamlRoles, appUser.Role) : AssignmentRoles.None;
        var derived = DeriveFor(direct, ownRoles, member.AssignedGroups, member.MappedGroups);

        if (!direct && _app.Settings.Mode == AwsAppMode.SingleAccount)
        {
            CompareWithOkta(appUser, derived.ExpectedProfile!);
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

        foreach (var (access, entitlement, source) in derived.Accesses)
        {
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

            batch.AddGrant(SyncRecords.Grant(entitlement, ResourceType.User, userId), _app.AppId, source);
        }
    }

    /// <summary>
    /// What the rules give a user with this assignment and these groups. Tens of thousands of users share a handful
    /// of such combinations, so each is worked out once, the entitlement and source records with it. A group id
    /// stands for the group's roles and priority: within one app's derivation they are the same for every user.
    /// </summary>
    private DerivedAccess DeriveFor(bool direct, AssignmentRoles ownRoles, IReadOnlyList<AppGroupRecord> assignedGroups, IReadOnlyList<MappedGroupRecord> mappedGroups)
    {
        // Parsed role names and Okta ids hold no control characters, so these separators cannot be part of one.
        var key = new StringBuilder(direct ? "U" : "G");
        foreach (var role in ownRoles.SamlRoles)
        {
            key.Append('\u001f').Append(role.Name);
        }

        key.Append('\u001e').Append(ownRoles.DefaultRole?.Name);
        foreach (var group in assignedGroups)
        {
            key.Append('\u001e').Append(group.GroupId);
        }

        key.Append('\u001d');
        foreach (var group in mappedGroups)
        {
            key.Append('\u001e').Append(group.GroupId);
        }

        var text = key.ToString();
        if (_derived.TryGetValue(text, out var known))
        {
            return known;
        }

        var assigned = assignedGroups.Select(g => new AssignedGroup(g.GroupId, g.Priority, Roles(g.SamlRoles, g.Role))).ToList();
        var mapped = mappedGroups.Select(g => new MappedGroup(g.GroupId, AwsAccountId.Parse(g.AccountId), SamlRole.Parse(g.Role))).ToList();
        var accesses = _rules.Resolve(new AppAssignment(direct, ownRoles), assigned, mapped)
            .Select(access => (access, SyncRecords.Role(access.Account, access.Role), SyncRecords.Source(access.Source)))
            .ToList();
        var derived = new DerivedAccess(accesses, direct ? null : _rules.ExpectedGroupProfile(assigned));
        Remember(_derived, text, derived);
        return derived;
    }

    /// <summary>
    /// A group-scoped app user's profile is Okta's own statement of which group's roles apply; when it differs
    /// from what the rules expect from the memberships we read, our model of the org is wrong somewhere.
    /// </summary>
    private void CompareWithOkta(AppUserRecord appUser, AssignmentRoles expected)
    {
        var reported = Roles(appUser.SamlRoles, appUser.Role);
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

    /// <summary>
    /// A stored profile's roles, without warnings (the syncers warned of unusable names as they read them). Profiles
    /// repeat (most users of an app hold one of a few), so each distinct one is parsed once.
    /// </summary>
    private AssignmentRoles Roles(IReadOnlyList<string> samlRoles, string? role)
    {
        // Each value length-prefixed: the names are as Okta stored them, so a separator could be part of one.
        var key = new StringBuilder();
        foreach (var name in samlRoles)
        {
            key.Append(name.Length).Append(':').Append(name);
        }

        key.Append(role is null ? "-" : $"={role.Length}:{role}");
        var text = key.ToString();
        if (!_profiles.TryGetValue(text, out var roles))
        {
            roles = AssignmentRoles.FromProfile(samlRoles, role);
            Remember(_profiles, text, roles);
        }

        return roles;
    }

    /// <summary>Keeps a worked-out value; an org where nearly every user differs starts over now and then rather than holding one per user.</summary>
    private static void Remember<T>(Dictionary<string, T> known, string key, T value)
    {
        if (known.Count >= MaxRemembered)
        {
            known.Clear();
        }

        known.Add(key, value);
    }

    /// <summary>What the rules give one combination of assignment and groups (<see cref="DeriveFor"/>).</summary>
    /// <param name="ExpectedProfile">The profile Okta should show a group-scoped user with these groups; null for a direct user.</param>
    private sealed record DerivedAccess(IReadOnlyList<(RoleAccess Access, EntitlementRecord Entitlement, string Source)> Accesses, AssignmentRoles? ExpectedProfile);

    private static string Describe(AssignmentRoles roles) =>
        $"samlRoles [{string.Join(", ", roles.SamlRoles)}]{(roles.DefaultRole is { } d ? $" and role {d}" : string.Empty)}";
}
