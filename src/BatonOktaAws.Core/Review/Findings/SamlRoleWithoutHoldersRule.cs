using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Iam.Attachment;

namespace BatonOktaAws.Core.Review.Findings;

/// <summary>
/// <c>saml-role-without-holders</c>: an IAM role that trusts a synced app's SAML provider but that no one in Okta can
/// assume through the app. Cleanup: an unused way in, which anyone able to edit the app's assignments can switch on.
/// </summary>
public sealed class SamlRoleWithoutHoldersRule : IFindingRule
{
    public const string Code = "saml-role-without-holders";

    public IReadOnlyList<string> Codes => [Code];

    public IEnumerable<Finding> Find(ReviewSnapshot sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        var handedOut = sync.RolesHandedOut.Select(r => (r.AccountId, r.Role)).ToHashSet();
        foreach (var role in sync.IamRoles)
        {
            if (!AwsAccountId.TryParse(role.AccountId, out var account) || handedOut.Contains((role.AccountId, role.Name)))
            {
                continue;
            }

            // One finding per role, naming every synced app whose provider it trusts (one provider often serves several apps).
            var apps = sync.Apps.Values
                .Where(a => IamAttachment.ProviderArn(a, account.Value) is { } provider && role.TrustedSamlProviders.Contains(provider, StringComparer.OrdinalIgnoreCase))
                .OrderBy(a => a.Label, StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (apps.Count == 0)
            {
                continue;
            }

            yield return new Finding(
                Code,
                FindingSeverity.Low,
                $"IAM role {role.Name} ({role.Arn}) trusts the SAML provider of {string.Join(" and ", apps.Select(a => sync.AppLabel(a.AppId)))}, but nobody can assume it through Okta{(role.AdminEquivalent ? "; it is admin-equivalent" : string.Empty)}: remove the trust, or the role, if it is not needed.",
                AppId: apps.Count == 1 ? apps[0].AppId : null,
                AppLabel: apps.Count == 1 ? sync.AppLabel(apps[0].AppId) : null,
                AccountId: role.AccountId,
                Role: role.Name);
        }
    }
}
