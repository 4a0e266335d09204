using BatonOktaAws.Core.Review.Roles;

namespace BatonOktaAws.Core.Review.Findings;

/// <summary>
/// <c>role-missing-in-iam</c>: Okta hands out a role the account does not have (by the IAM export) — or has only
/// under another ARN than the one Okta sends (a role with a path). Sign-in with it fails today; if someone later
/// creates a role of that name, everyone holding it inherits the access. Only where a complete export was attached.
/// </summary>
public sealed class RoleMissingInIamRule : IFindingRule
{
    public const string Code = "role-missing-in-iam";

    public IReadOnlyList<string> Codes => [Code];

    public IEnumerable<Finding> Find(ReviewSnapshot sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        foreach (var role in ReachableRole.Of(sync).Where(r => r.Status?.Status is "not-found" or "found-arn-differs"))
        {
            var why = role.Status!.Status == "not-found"
                ? $"account {role.AccountId} has no IAM role {role.Role}"
                : string.Join(" ", role.Status.Notes);
            yield return new Finding(
                Code,
                FindingSeverity.Medium,
                $"{role.AppLabel} hands out {role.Role} in {role.AccountId} to {role.Holders} people, but {why}: sign-in with it fails, and a role created later under the ARN Okta sends ({role.Status.ExpectedArn}) would inherit the access.",
                AppId: role.AppId,
                AppLabel: role.AppLabel,
                AccountId: role.AccountId,
                Role: role.Role);
        }
    }
}
