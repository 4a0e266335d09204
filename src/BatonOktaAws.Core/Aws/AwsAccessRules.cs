namespace BatonOktaAws.Core.Aws;

/// <summary>
/// Who may assume which AWS role, for one user of one app — the rules of <c>docs/aws-access.md</c>.
/// <list type="bullet">
/// <item>An assignment profile hands out its samlRoles, or its default <c>role</c> when it has no samlRoles.</item>
/// <item>Single account: a direct user has the direct assignment's roles, plus (only with joinAllRoles) the
/// roles of every assigned group they are in. A group-scoped user has, with joinAllRoles or the samlRoles
/// union enabled, the roles of every assigned group they are in; otherwise only those of the assigned group
/// with the lowest priority number (ties go to the lower group id; a group without a priority comes last).</item>
/// <item>Group mapping: every user assigned to the app has role R in account A for every group they belong
/// to whose name maps to (A, R); direct samlRoles play no part.</item>
/// </list>
/// Every row carries its source; the same role reached two ways gives two rows.
/// </summary>
public sealed class AwsAccessRules
{
    private readonly AwsAppMode _mode;
    private readonly AwsAccountId? _account;
    private readonly bool _joinAllRoles;
    private readonly bool _samlRolesUnion;

    public AwsAccessRules(AwsAppSettings settings, bool samlRolesUnion)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _mode = settings.Mode;
        _account = settings.AccountId;
        _joinAllRoles = settings.JoinAllRoles;
        _samlRolesUnion = samlRolesUnion;
        if (_mode == AwsAppMode.SingleAccount && _account is null)
        {
            throw new ArgumentException("Single-account mode needs the account id from identityProviderArn.", nameof(settings));
        }
    }

    public IReadOnlyList<RoleAccess> Resolve(AppAssignment assignment, IReadOnlyList<AssignedGroup> assignedGroups, IReadOnlyList<MappedGroup> mappedGroups)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(assignedGroups);
        ArgumentNullException.ThrowIfNull(mappedGroups);
        var rows = new List<RoleAccess>();
        if (_mode == AwsAppMode.GroupMapping)
        {
            rows.AddRange(mappedGroups.Select(g => new RoleAccess(g.Account, g.Role, AccessSource.Group(g.GroupId))));
            return Distinct(rows);
        }

        var account = _account!.Value;
        if (assignment.IsDirect)
        {
            rows.AddRange(assignment.DirectRoles.Effective.Select(r => new RoleAccess(account, r, AccessSource.Direct)));
            if (_joinAllRoles)
            {
                AddAll(rows, account, assignedGroups);
            }
        }
        else if (_joinAllRoles || _samlRolesUnion)
        {
            AddAll(rows, account, assignedGroups);
        }
        else if (Winner(assignedGroups) is { } winner)
        {
            // Priority semantics: the winning group's profile is the user's profile, default role included.
            rows.AddRange(winner.Roles.Effective.Select(r => new RoleAccess(account, r, AccessSource.Group(winner.GroupId))));
        }

        return Distinct(rows);
    }

    /// <summary>
    /// The profile Okta itself shows on a group-scoped app user (<c>profile.samlRoles</c> and <c>role</c>): the
    /// winning group's, with samlRoles combined across the user's assigned groups when the union is enabled.
    /// joinAllRoles does not change the profile (it acts when the assertion is built), so it plays no part here.
    /// </summary>
    public AssignmentRoles ExpectedGroupProfile(IReadOnlyList<AssignedGroup> assignedGroups)
    {
        ArgumentNullException.ThrowIfNull(assignedGroups);
        if (Winner(assignedGroups) is not { } winner)
        {
            return AssignmentRoles.None;
        }

        return _samlRolesUnion
            ? new AssignmentRoles([.. assignedGroups.OrderBy(g => g, PriorityOrder.Instance).SelectMany(g => g.Roles.SamlRoles).Distinct()], winner.Roles.DefaultRole)
            : winner.Roles;
    }

    /// <summary>The assigned group whose profile Okta applies: lowest priority number, then lowest group id.</summary>
    public static AssignedGroup? Winner(IReadOnlyList<AssignedGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return groups.Order(PriorityOrder.Instance).FirstOrDefault();
    }

    /// <summary>
    /// Every group's roles, each group through its own source. A group whose profile has only a default role
    /// contributes it on the conservative reading — Okta documents the default role for one profile, not for
    /// roles joined or combined across groups — and the row says so.
    /// </summary>
    private static void AddAll(List<RoleAccess> rows, AwsAccountId account, IReadOnlyList<AssignedGroup> groups)
    {
        foreach (var group in groups)
        {
            var undocumented = group.Roles.UsesDefaultRole;
            rows.AddRange(group.Roles.Effective.Select(r => new RoleAccess(account, r, AccessSource.Group(group.GroupId), undocumented)));
        }
    }

    private static List<RoleAccess> Distinct(List<RoleAccess> rows) => [.. rows.Distinct()];

    /// <summary>Lowest priority number first; a group without a priority after every numbered one; then by group id.</summary>
    private sealed class PriorityOrder : IComparer<AssignedGroup>
    {
        public static readonly PriorityOrder Instance = new();

        public int Compare(AssignedGroup? x, AssignedGroup? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            var byPriority = (x.Priority ?? int.MaxValue).CompareTo(y.Priority ?? int.MaxValue);
            if (byPriority != 0)
            {
                return byPriority;
            }

            var byMissing = (x.Priority is null ? 1 : 0).CompareTo(y.Priority is null ? 1 : 0);
            return byMissing != 0 ? byMissing : string.CompareOrdinal(x.GroupId, y.GroupId);
        }
    }
}
