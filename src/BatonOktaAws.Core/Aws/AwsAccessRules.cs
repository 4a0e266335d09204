namespace BatonOktaAws.Core.Aws;

/// <summary>
/// Who may assume which AWS role, for one app user — the rules of <c>docs/aws-access.md</c>.
/// <list type="bullet">
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
            rows.AddRange(assignment.DirectRoles.Select(r => new RoleAccess(account, r, AccessSource.Direct)));
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
            rows.AddRange(winner.Roles.Select(r => new RoleAccess(account, r, AccessSource.Group(winner.GroupId))));
        }

        return Distinct(rows);
    }

    /// <summary>The assigned group whose profile Okta applies: lowest priority number, then lowest group id.</summary>
    public static AssignedGroup? Winner(IReadOnlyList<AssignedGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return groups
            .OrderBy(g => g.Priority ?? int.MaxValue)
            .ThenBy(g => g.Priority is null ? 1 : 0)
            .ThenBy(g => g.GroupId, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static void AddAll(List<RoleAccess> rows, AwsAccountId account, IReadOnlyList<AssignedGroup> groups)
    {
        foreach (var group in groups)
        {
            rows.AddRange(group.Roles.Select(r => new RoleAccess(account, r, AccessSource.Group(group.GroupId))));
        }
    }

    private static List<RoleAccess> Distinct(List<RoleAccess> rows) => [.. rows.Distinct()];
}
