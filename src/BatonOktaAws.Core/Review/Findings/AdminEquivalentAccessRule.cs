namespace BatonOktaAws.Core.Review.Findings;

/// <summary>
/// <c>admin-equivalent-access</c>: someone can assume a role that can do anything in its account, or make itself
/// able to (AdministratorAccess, <c>*</c> or <c>iam:*</c> on everything, a privilege-escalation action set; see
/// docs/aws-iam.md) — and through what. These are the first rows a review should confirm.
/// </summary>
public sealed class AdminEquivalentAccessRule : IFindingRule
{
    public const string Code = "admin-equivalent-access";

    public IReadOnlyList<string> Codes => [Code];

    public IEnumerable<Finding> Find(ReviewSnapshot sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        var reasons = sync.IamRoles.ToDictionary(r => (r.AccountId, r.Arn), r => r.AdminReasons);
        foreach (var row in sync.Access.Where(r => r.AdminEquivalent == true))
        {
            var why = reasons.TryGetValue((row.AccountId, row.IamRoleArn!), out var list) && list.Count > 0 ? list[0] : "admin-equivalent";
            var through = row.Source.StartsWith("group:", StringComparison.Ordinal) ? $"group {sync.GroupName(row.Source[6..])}" : "a direct assignment";
            yield return new Finding(
                Code,
                FindingSeverity.High,
                $"{row.Login ?? row.UserId} can assume {row.Role} in {row.AccountId} through {through} in {sync.AppLabel(row.AppId)}, and {row.Role} is admin-equivalent ({why}).",
                row.UserId,
                row.Login,
                row.AppId,
                row.AppLabel,
                row.AccountId,
                row.Role);
        }
    }
}
