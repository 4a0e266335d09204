namespace BatonOktaAws.Core.Review.Findings;

/// <summary>Runs every finding rule over one sync and orders the result: worst first, then by code and what it concerns.</summary>
public static class FindingsEngine
{
    /// <summary>The rules, in the order their findings are documented.</summary>
    public static IReadOnlyList<IFindingRule> Rules { get; } =
    [
        new DormantAccessRule(),
        new RoleNotInAwsRule(),
        new ShadowedGroupRolesRule(),
        new DirectAssignmentRule(),
        new MappingGroupNotAssignedRule(),
        new AdminEquivalentAccessRule(),
        new RoleMissingInIamRule(),
        new RoleNotTrustingOktaRule(),
        new SamlRoleWithoutHoldersRule(),
        new IamUserBypassesOktaRule(),
        new CanChangeAwsAccessRule(),
        new AdminRoleNotEvaluatedRule(),
        new SyncWarningRule(),
    ];

    public static IReadOnlyList<Finding> Find(ReviewSnapshot sync, IEnumerable<IFindingRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(sync);
        return [.. (rules ?? Rules)
            .SelectMany(r => r.Find(sync))
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Code, StringComparer.Ordinal)
            .ThenBy(f => f.AppLabel, StringComparer.OrdinalIgnoreCase)
            .ThenBy(f => f.AccountId, StringComparer.Ordinal)
            .ThenBy(f => f.Role, StringComparer.Ordinal)
            .ThenBy(f => f.Login ?? f.UserId, StringComparer.OrdinalIgnoreCase)
            .ThenBy(f => f.GroupName, StringComparer.OrdinalIgnoreCase)];
    }
}
