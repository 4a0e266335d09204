using BatonOktaAws.Core.Review.Admin;

namespace BatonOktaAws.Core.Review.Findings;

/// <summary>
/// <c>admin-role-not-evaluated</c>: people hold an Okta admin role whose power the sync could not judge — a custom
/// role whose permissions or resource set were not read, or a role type Okta does not document — so whether they can
/// change AWS access is unknown.
/// </summary>
public sealed class AdminRoleNotEvaluatedRule : IFindingRule
{
    public const string Code = "admin-role-not-evaluated";

    public IReadOnlyList<string> Codes => [Code];

    public IEnumerable<Finding> Find(ReviewSnapshot sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        return WhoCanChangeAwsAccess.For(sync).Gaps
            .Where(g => g.Kind == AdminReviewGap.RoleNotEvaluated)
            .Select(g => new Finding(Code, FindingSeverity.Medium, g.Explanation));
    }
}
