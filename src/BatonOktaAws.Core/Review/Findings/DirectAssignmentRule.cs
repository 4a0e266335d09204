namespace BatonOktaAws.Core.Review.Findings;

/// <summary>
/// <c>direct-assignment</c>: a role held through a user's direct assignment to the app rather than a group — outside
/// group-based governance (joiner/mover/leaver processes that manage groups do not touch it).
/// </summary>
public sealed class DirectAssignmentRule : IFindingRule
{
    public const string Code = "direct-assignment";

    public IReadOnlyList<string> Codes => [Code];

    public IEnumerable<Finding> Find(ReviewSnapshot sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        foreach (var row in sync.Access.Where(r => r.Source == "direct"))
        {
            yield return new Finding(
                Code,
                FindingSeverity.Low,
                $"{row.Login ?? row.UserId} holds {row.Role} in {row.AccountId} through a direct assignment to {sync.AppLabel(row.AppId)}, not a group: group-based processes will not remove it.",
                row.UserId,
                row.Login,
                row.AppId,
                row.AppLabel,
                row.AccountId,
                row.Role);
        }
    }
}
