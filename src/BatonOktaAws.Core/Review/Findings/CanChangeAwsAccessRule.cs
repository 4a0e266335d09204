using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Review.Admin;

namespace BatonOktaAws.Core.Review.Findings;

/// <summary>
/// <c>can-change-aws-access</c>: a person who is not a super admin but whose Okta admin role lets them change an AWS
/// app's assignments or the membership of a group that grants an AWS role — and so grant AWS roles they do not hold,
/// themselves included. Super admins can change everything by design and are left out; everyone else is a path a
/// reviewer should confirm is meant.
/// </summary>
public sealed class CanChangeAwsAccessRule : IFindingRule
{
    public const string Code = "can-change-aws-access";

    private const int RolesShown = 4;

    public IReadOnlyList<string> Codes => [Code];

    public IEnumerable<Finding> Find(ReviewSnapshot sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        var review = WhoCanChangeAwsAccess.For(sync);
        var reach = new AwsRoleReach(sync);
        var superAdmins = review.Paths.Where(p => p.Held.RoleType == OktaRoleTypes.SuperAdmin).Select(p => p.UserId).ToHashSet(StringComparer.Ordinal);
        foreach (var person in review.Paths.Where(p => !superAdmins.Contains(p.UserId)).GroupBy(p => p.UserId, StringComparer.Ordinal))
        {
            var held = sync.Access.Where(a => a.UserId == person.Key).Select(a => (a.AccountId, a.Role)).ToHashSet();
            var grantable = person
                .SelectMany(p => reach.Of(p).Select(r => (r.AccountId, r.Role, p.AppId)))
                .Where(r => !held.Contains((r.AccountId, r.Role)))
                .ToList();
            var roles = grantable.Select(r => (r.AccountId, r.Role)).Distinct().Order().ToList();
            if (roles.Count == 0)
            {
                continue;
            }

            var first = person.First();
            var apps = grantable.Select(r => r.AppId).Distinct(StringComparer.Ordinal).ToList();
            var how = string.Join("; ", person.Select(p => $"{p.Held.Label} {p.Held.How}").Distinct(StringComparer.Ordinal));
            var shown = string.Join(", ", roles.Take(RolesShown).Select(r => $"{r.Role} in {r.AccountId}"));
            var more = roles.Count > RolesShown ? $" and {roles.Count - RolesShown} more" : string.Empty;
            var who = first.Login ?? first.UserId;
            var appId = apps.Count == 1 ? apps[0] : null;
            yield return new Finding(
                Code,
                FindingSeverity.Medium,
                $"{who} ({how}) can grant AWS roles they do not hold, themselves included: {shown}{more}, through {apps.Count} app{(apps.Count == 1 ? string.Empty : "s")} (see `baton-okta-aws admins`).",
                person.Key,
                first.Login,
                appId,
                appId is null ? null : sync.AppLabel(appId),
                roles.Select(r => r.AccountId).Distinct(StringComparer.Ordinal).Count() == 1 ? roles[0].AccountId : null,
                roles.Count == 1 ? roles[0].Role : null);
        }
    }
}
