namespace BatonOktaAws.Core.Review.Findings;

/// <summary>
/// <c>role-not-in-aws</c>: a role Okta hands out that the app's AWS role list (read by Okta from the account) does
/// not contain. Signing in with it fails today; if someone later creates a role of that name, these users inherit
/// it. Only checked for apps whose role list Okta let us read.
/// </summary>
public sealed class RoleNotInAwsRule : IFindingRule
{
    public const string Code = "role-not-in-aws";

    public IReadOnlyList<string> Codes => [Code];

    public IEnumerable<Finding> Find(ReviewSnapshot sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        foreach (var row in sync.Access.DistinctBy(r => (r.UserId, r.AppId, r.AccountId, r.Role)))
        {
            if (!sync.Apps.TryGetValue(row.AppId, out var app) || !app.RoleListAvailable || app.UseGroupMapping)
            {
                continue;
            }

            var roles = sync.RoleLists.TryGetValue(row.AppId, out var list) ? list : [];
            if (roles.Contains(row.Role, StringComparer.Ordinal))
            {
                continue;
            }

            yield return new Finding(
                Code,
                FindingSeverity.Medium,
                $"{row.Login ?? row.UserId} is given {row.Role} in {row.AccountId} through {sync.AppLabel(row.AppId)}, but the account's role list has no such role: sign-in with it fails, and a role created later under that name would inherit the access.",
                row.UserId,
                row.Login,
                row.AppId,
                row.AppLabel,
                row.AccountId,
                row.Role);
        }
    }
}
