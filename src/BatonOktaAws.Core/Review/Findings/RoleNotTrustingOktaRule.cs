using BatonOktaAws.Core.Review.Roles;

namespace BatonOktaAws.Core.Review.Findings;

/// <summary>
/// <c>role-not-trusting-okta</c>: the IAM role exists, but its trust policy does not let this app's SAML provider
/// assume it (or denies it). The assignment is dead — or someone means to fix the trust, which would switch it on
/// for everyone holding it.
/// </summary>
public sealed class RoleNotTrustingOktaRule : IFindingRule
{
    public const string Code = "role-not-trusting-okta";

    public IReadOnlyList<string> Codes => [Code];

    public IEnumerable<Finding> Find(ReviewSnapshot sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        foreach (var role in ReachableRole.Of(sync).Where(r => r.Status is { Status: "found", Trust: "not-trusted" or "denied" }))
        {
            var status = role.Status!;
            yield return new Finding(
                Code,
                FindingSeverity.Medium,
                $"{role.Role} ({status.IamRoleArn}) in {role.AccountId} is handed out by {role.AppLabel} to {role.Holders} people, but its trust policy {(status.Trust == "denied" ? "denies" : "does not allow")} {status.ProviderArn ?? "the app's SAML provider"}: the assignment does nothing today, and fixing the trust would switch it on for all of them.",
                AppId: role.AppId,
                AppLabel: role.AppLabel,
                AccountId: role.AccountId,
                Role: role.Role);
        }
    }
}
