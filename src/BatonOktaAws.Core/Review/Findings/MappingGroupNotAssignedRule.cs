namespace BatonOktaAws.Core.Review.Findings;

/// <summary>
/// <c>mapping-group-not-assigned</c>: in a group-mapping app only users assigned to the app get roles from the
/// groups they are in; a member of a matching group who is not assigned gets nothing from it. Either the membership
/// is stale (remove it) or the person is missing an assignment they are expected to have.
/// </summary>
public sealed class MappingGroupNotAssignedRule : IFindingRule
{
    public const string Code = "mapping-group-not-assigned";

    public IReadOnlyList<string> Codes => [Code];

    public IEnumerable<Finding> Find(ReviewSnapshot sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        foreach (var byApp in sync.MappedGroups.GroupBy(g => g.AppId, StringComparer.Ordinal))
        {
            var appUsers = sync.AppUsers.Where(u => u.AppId == byApp.Key).Select(u => u.UserId).ToHashSet(StringComparer.Ordinal);
            foreach (var mapped in byApp)
            {
                foreach (var userId in sync.Members(mapped.GroupId).Where(u => !appUsers.Contains(u)).Order(StringComparer.Ordinal))
                {
                    var login = sync.Login(userId);
                    yield return new Finding(
                        Code,
                        FindingSeverity.Low,
                        $"{login ?? userId} is in '{sync.GroupName(mapped.GroupId)}', which maps to {mapped.Role} in {mapped.AccountId}, but is not assigned to {sync.AppLabel(byApp.Key)}, so gets nothing from it.",
                        userId,
                        login,
                        byApp.Key,
                        sync.AppLabel(byApp.Key),
                        mapped.AccountId,
                        mapped.Role,
                        mapped.GroupId,
                        sync.GroupName(mapped.GroupId));
                }
            }
        }
    }
}
