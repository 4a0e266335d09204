using System.Globalization;

namespace BatonOktaAws.Core.Review.Findings;

/// <summary>
/// <c>iam-user-bypasses-okta</c>: an IAM user (or the root user) with a console password or an active access key,
/// from the credential report — access to the account that no Okta review covers. High for the root user and for
/// admin-equivalent users, medium otherwise.
/// </summary>
public sealed class IamUserBypassesOktaRule : IFindingRule
{
    public const string Code = "iam-user-bypasses-okta";

    public IReadOnlyList<string> Codes => [Code];

    public IEnumerable<Finding> Find(ReviewSnapshot sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        foreach (var user in sync.IamUsers.Where(u => u.PasswordEnabled == true || u.ActiveAccessKeys > 0))
        {
            var ways = new List<string>();
            if (user.PasswordEnabled == true)
            {
                ways.Add($"a console password{LastUsed(user.PasswordLastUsed)}");
            }

            if (user.ActiveAccessKeys > 0)
            {
                ways.Add($"{user.ActiveAccessKeys} active access key{(user.ActiveAccessKeys == 1 ? string.Empty : "s")}{LastUsed(user.AccessKeyLastUsed)}");
            }

            var who = user.IsRoot ? "The root user" : $"IAM user {user.Name}";
            var power = user.IsRoot ? " (who can do anything)" : user.AdminEquivalent == true ? " (admin-equivalent)" : string.Empty;
            yield return new Finding(
                Code,
                user.IsRoot || user.AdminEquivalent == true ? FindingSeverity.High : FindingSeverity.Medium,
                $"{who}{power} of account {user.AccountId} has {string.Join(" and ", ways)}: a way into AWS that bypasses Okta and this review{(user.MfaActive == false ? ", without MFA" : string.Empty)}.",
                AccountId: user.AccountId,
                Role: null,
                UserId: user.Arn,
                Login: user.IsRoot ? "root" : user.Name);
        }
    }

    private static string LastUsed(DateTimeOffset? when) =>
        when is { } at ? $" (last used {at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})" : " (never used)";
}
