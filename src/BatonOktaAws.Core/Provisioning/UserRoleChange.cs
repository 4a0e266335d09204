using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta.Models;

namespace BatonOktaAws.Core.Provisioning;

/// <summary>
/// <c>account:&lt;accountId&gt;:&lt;role&gt;</c> for a user: a direct app assignment with the role, or the role added
/// to / taken from an existing direct assignment. A group-scoped user is converted to a direct assignment only
/// when allowed: with <c>joinAllRoles</c> on the direct assignment holds only the roles asked for directly (the
/// groups' roles keep reaching the user); with it off a direct assignment hides the groups' roles, so they are
/// copied, and each copied role is reported as <see cref="RoleMadeDirect"/>. A role held only through a group
/// cannot be revoked from the user.
/// </summary>
internal static class UserRoleChange
{
    private const int Attempts = 3;

    private enum WriteKind
    {
        Assign,
        Update,
    }

    public static async Task<PlannedChange> PlanAsync(ProvisioningChange change, ProvisioningContext context, CancellationToken cancellationToken)
    {
        var (app, role, warnings) = await context.RequireRoleChangeAllowedAsync(change, cancellationToken).ConfigureAwait(false);
        var user = await context.RequireUserAsync(change.Principal, cancellationToken).ConfigureAwait(false);
        var userId = user.Id!;
        var who = Who(user);
        var appRef = new AppRef(app.AppId, app.Label);
        var appUser = await context.Client.FindAppUserAsync(app.AppId, userId, cancellationToken).ConfigureAwait(false);
        var step = await DecideAsync(change.Action, appUser, role, userId, who, context, app, cancellationToken).ConfigureAwait(false);
        warnings.AddRange(step.Warnings);
        if (step.NoOp is { } noOp)
        {
            return PlannedChange.Nothing(change, noOp, State(appUser), warnings, appRef);
        }

        return new PlannedChange(change, null, Write(step, app.AppId, userId), State(appUser), warnings,
            (sent, ct) => ApplyAsync(change, context, app, role, userId, who, sent, ct))
        {
            App = appRef,
            RolesMadeDirect = step.RolesMadeDirect,
        };
    }

    private static async Task<AppliedChange> ApplyAsync(ProvisioningChange change, ProvisioningContext context, AwsAppContext app, SamlRole role, string userId, string who, SentWrites sent, CancellationToken cancellationToken)
    {
        var client = context.Client;
        var writes = new List<OktaWrite>();
        string? lastSeen = null;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var before = await client.FindAppUserAsync(app.AppId, userId, cancellationToken).ConfigureAwait(false);
            var step = await DecideAsync(change.Action, before, role, userId, who, context, app, cancellationToken).ConfigureAwait(false);
            if (step.NoOp is { } noOp)
            {
                return new AppliedChange(noOp, State(before), State(before), writes);
            }

            var write = Write(step, app.AppId, userId);
            writes.Add(write);
            await sent.SendAsync(write, () => step.Kind == WriteKind.Assign
                ? client.AssignUserToAppAsync(app.AppId, userId, step.Desired, cancellationToken)
                : client.UpdateAppUserRolesAsync(app.AppId, userId, step.Desired, cancellationToken)).ConfigureAwait(false);

            var after = await client.FindAppUserAsync(app.AppId, userId, cancellationToken).ConfigureAwait(false);
            if (after is { Scope: OktaAppUser.UserScope } && RoleSet.SameAs(after.Profile?.SamlRoles, step.Desired))
            {
                var outcome = change.Action == ChangeAction.Grant ? ProvisioningOutcome.Granted : ProvisioningOutcome.Revoked;
                return new AppliedChange(outcome, State(before), State(after), writes) { RolesMadeDirect = step.RolesMadeDirect };
            }

            // The assignment changed between our read and our check (another admin, a group rule): redo from a fresh read.
            lastSeen = State(after);
        }

        throw new ProvisioningException($"The app assignment of {who} kept changing while {change.Action.ToString().ToLowerInvariant()}ing {role} (last seen: {lastSeen}); gave up after {Attempts} attempts — check the user's assignment in Okta.");
    }

    private static async Task<Step> DecideAsync(ChangeAction action, OktaAppUser? appUser, SamlRole role, string userId, string who, ProvisioningContext context, AwsAppContext app, CancellationToken cancellationToken)
    {
        var roles = appUser?.Profile?.SamlRoles ?? [];
        var defaultRole = appUser?.Profile?.Role;
        var direct = appUser?.Scope == OktaAppUser.UserScope;
        if (action == ChangeAction.Grant)
        {
            if (appUser is null)
            {
                return Step.Writing(WriteKind.Assign, [role.Name]);
            }

            if (direct)
            {
                if (roles.Contains(role.Name, StringComparer.Ordinal) || (roles.Count == 0 && defaultRole == role.Name))
                {
                    return Step.Nothing(ProvisioningOutcome.AlreadyGranted);
                }

                // Adding a samlRole to a profile that had none switches its default role off: keep that role as a samlRole.
                return roles.Count == 0 && defaultRole is { } kept
                    ? Step.Writing(WriteKind.Update, RoleSet.With([kept], role.Name), $"{who}'s direct assignment gave {kept} as its default role (no samlRoles); {kept} is kept as a samlRole so adding {role} does not take it away.")
                    : Step.Writing(WriteKind.Update, RoleSet.With(roles, role.Name));
            }

            return await GrantToGroupScopedAsync(appUser, role, userId, who, context, app, cancellationToken).ConfigureAwait(false);
        }

        if (appUser is null)
        {
            return Step.Nothing(ProvisioningOutcome.AlreadyRevoked);
        }

        var groups = await AssignedGroupsOfUserAsync(userId, app.AppId, context, cancellationToken).ConfigureAwait(false);
        var reaching = GroupRoles(direct, groups, app);
        var throughGroups = reaching.GetValueOrDefault(role.Name) ?? [];
        if (direct && DefaultRoleRule.BlocksRevoke(roles, defaultRole, role.Name) is { } blocked)
        {
            throw new ProvisioningException($"{who}'s direct assignment in {app.Describe()}: {blocked}");
        }

        if (direct && roles.Contains(role.Name, StringComparer.Ordinal))
        {
            var remaining = RoleSet.Without(roles, role.Name);
            List<string> warnings = throughGroups.Count > 0 ? [$"{who} still has {role} through {Describe(throughGroups)}."] : [];
            // An emptied direct assignment stays: the safe outcome (a revoke never hands out what it hid), said out loud.
            // Hidden: what the groups would give were it not for the direct assignment (nothing more with joinAllRoles on).
            if (remaining.Count == 0
                && GroupRoles(direct: false, groups, app).Where(r => !reaching.ContainsKey(r.Key)).ToList() is { Count: > 0 } hidden)
            {
                warnings.Add(
                    $"{who}'s direct assignment in {app.Describe()} now holds no samlRoles, and while it exists it hides " +
                    string.Join("; ", hidden.Select(h => $"{h.Key} from {Describe(h.Value)}")) +
                    " (a direct assignment wins over groups unless joinAllRoles is on); remove the assignment in Okta if those should apply.");
            }

            return new Step(null, WriteKind.Update, remaining, warnings);
        }

        if (throughGroups.Count > 0)
        {
            var first = throughGroups[0];
            throw new ProvisioningException(
                $"{who} has {role} only through {Describe(throughGroups)}; revoke group:{first.Id}:member:user:{userId} " +
                $"or take the role off the group (revoke account:{app.Settings.AccountId}:{role}:group:{first.Id}) instead.");
        }

        return Step.Nothing(ProvisioningOutcome.AlreadyRevoked);
    }

    /// <summary>A direct role for a user who has the app only through groups: a conversion to a direct assignment.</summary>
    private static async Task<Step> GrantToGroupScopedAsync(OktaAppUser appUser, SamlRole role, string userId, string who, ProvisioningContext context, AwsAppContext app, CancellationToken cancellationToken)
    {
        var throughGroups = await RolesThroughGroupsAsync(appUser, userId, context, app, cancellationToken).ConfigureAwait(false);
        if (throughGroups.TryGetValue(role.Name, out var giving))
        {
            return Step.Nothing(ProvisioningOutcome.AlreadyGranted, $"{who} already has {role} through {Describe(giving)}; no direct assignment was made.");
        }

        var joinAllRoles = app.Settings.JoinAllRoles;

        // Okta's own conversion copies the group-derived profile; with joinAllRoles on the copy is not needed (the
        // groups' roles keep reaching a direct user) and would only freeze them, so the assignment holds just the role.
        // A group profile without samlRoles gives its default role (profile.role): that is the role to keep, too.
        var groupRoles = appUser.Profile?.SamlRoles is { Count: > 0 } saml ? saml : appUser.Profile?.Role is { } fallback ? [fallback] : [];
        var copied = joinAllRoles ? [] : RoleSet.Distinct(groupRoles);
        var madeDirect = copied
            .Select(r => new RoleMadeDirect(r, throughGroups.GetValueOrDefault(r) ?? []))
            .ToList();
        if (!context.Options.AllowGroupToDirectConversion)
        {
            var groups = (await AssignedGroupsOfUserAsync(userId, app.AppId, context, cancellationToken).ConfigureAwait(false)).Select(g => new GroupRef(g.Id, g.Name)).ToList();
            var consequence = joinAllRoles
                ? $"the direct assignment would hold only {role}; their groups' roles keep reaching them because joinAllRoles is on"
                : $"because joinAllRoles is off, a direct assignment hides their groups' roles, so {RoleSet.Describe(copied)} would be copied into it and no longer follow changes to those groups";
            throw new ProvisioningException(
                $"{who} has the app through {Describe(groups)} (scope GROUP); giving them {role} directly would convert that into a direct assignment: {consequence}. " +
                "Re-run with --aws-allow-group-to-direct-assignment-conversion-for-provisioning to convert it, " +
                $"or grant group:<groupId>:member of a group that gives {role}.");
        }

        return Step.Writing(WriteKind.Assign, RoleSet.With(copied, role.Name)) with { RolesMadeDirect = madeDirect };
    }

    /// <summary>Each role the access rules give this user through assigned groups, with those groups.</summary>
    private static async Task<Dictionary<string, List<GroupRef>>> RolesThroughGroupsAsync(OktaAppUser appUser, string userId, ProvisioningContext context, AwsAppContext app, CancellationToken cancellationToken) =>
        GroupRoles(appUser.Scope == OktaAppUser.UserScope, await AssignedGroupsOfUserAsync(userId, app.AppId, context, cancellationToken).ConfigureAwait(false), app);

    /// <summary>Each role the access rules give a user in these assigned groups, with or without a direct assignment of no roles.</summary>
    private static Dictionary<string, List<GroupRef>> GroupRoles(bool direct, List<(string Id, string Name, OktaAppGroupAssignment Assignment)> groups, AwsAppContext app)
    {
        var assigned = groups
            .Select(g => new AssignedGroup(
                g.Id,
                g.Assignment.Priority,
AssignmentRoles.FromProfile(g.Assignment.Profile?.SamlRoles, g.Assignment.Profile?.Role)))
            .ToList();
        var assignment = direct ? new AppAssignment(true, AssignmentRoles.None) : AppAssignment.ThroughGroups;
        var names = groups.ToDictionary(g => g.Id, g => g.Name, StringComparer.Ordinal);
        return new AwsAccessRules(app.Settings, app.SamlRolesUnion)
            .Resolve(assignment, assigned, [])
            .Where(a => !a.Source.IsDirect)
            .GroupBy(a => a.Role.Name, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.Select(a => a.Source.GroupId!).Distinct(StringComparer.Ordinal).Select(id => new GroupRef(id, names[id])).ToList(),
                StringComparer.Ordinal);
    }

    private static async Task<List<(string Id, string Name, OktaAppGroupAssignment Assignment)>> AssignedGroupsOfUserAsync(string userId, string appId, ProvisioningContext context, CancellationToken cancellationToken)
    {
        var userGroups = await context.Client.ListUserGroupsAsync(userId, cancellationToken).ConfigureAwait(false);
        var appGroups = (await context.AppGroupsAsync(appId, cancellationToken).ConfigureAwait(false)).ToDictionary(g => g.Id!, StringComparer.Ordinal);
        return [.. userGroups
            .Where(g => appGroups.ContainsKey(g.Id!))
            .Select(g => (g.Id!, g.Profile?.Name ?? g.Id!, appGroups[g.Id!]))];
    }

    private static string Describe(List<GroupRef> groups) =>
        groups.Count == 0
            ? "a group assignment"
            : (groups.Count == 1 ? "group " : "groups ") + string.Join(", ", groups);

    private static OktaWrite Write(Step step, string appId, string userId) => step.Kind == WriteKind.Assign
        ? new OktaWrite("POST", $"/api/v1/apps/{appId}/users", ProvisioningContext.Json(new AppUserAssignRequest { Id = userId, Profile = new AwsAppProfile { SamlRoles = step.Desired } }, OktaJsonContext.Default.AppUserAssignRequest))
        : new OktaWrite("POST", $"/api/v1/apps/{appId}/users/{userId}", ProvisioningContext.Json(new AppUserProfileUpdateRequest { Profile = new AwsAppProfile { SamlRoles = step.Desired } }, OktaJsonContext.Default.AppUserProfileUpdateRequest));

    private static string Who(OktaUser user) =>
        user.Profile?.Login is { } login ? $"User {login} ({user.Id})" : $"User {user.Id}";

    private static string State(OktaAppUser? appUser) =>
        appUser is null ? "not assigned to the app" : $"scope {appUser.Scope}, samlRoles {RoleSet.Describe(appUser.Profile?.SamlRoles)}";

    private sealed record Step(ProvisioningOutcome? NoOp, WriteKind Kind, List<string> Desired, IReadOnlyList<string> Warnings)
    {
        public IReadOnlyList<RoleMadeDirect> RolesMadeDirect { get; init; } = [];

        public static Step Nothing(ProvisioningOutcome outcome, string? warning = null) => new(outcome, default, [], warning is null ? [] : [warning]);

        public static Step Writing(WriteKind kind, List<string> desired, string? warning = null) => new(null, kind, desired, warning is null ? [] : [warning]);
    }
}
