namespace BatonOktaAws.Core.Review.Findings;

/// <summary>
/// <c>dormant-access</c>: a role held by a user who cannot sign in now (SUSPENDED, DEPROVISIONED, STAGED,
/// PROVISIONED, LOCKED_OUT, ...). Nobody uses it today, but reactivating the account — or a mistake — brings it
/// back at once; a deprovisioned user should hold nothing.
/// </summary>
public sealed class DormantAccessRule : IFindingRule
{
    public const string Code = "dormant-access";

    public IReadOnlyList<string> Codes => [Code];

    public IEnumerable<Finding> Find(ReviewSnapshot sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        foreach (var row in sync.Access.DistinctBy(r => (r.UserId, r.AppId, r.AccountId, r.Role)))
        {
            if (UserStatuses.CanAuthenticate(row.UserStatus))
            {
                continue;
            }

            var deprovisioned = string.Equals(row.UserStatus, UserStatuses.Deprovisioned, StringComparison.OrdinalIgnoreCase);
            yield return new Finding(
                Code,
                deprovisioned ? FindingSeverity.High : FindingSeverity.Medium,
                $"{row.Login ?? row.UserId} is {row.UserStatus} in Okta but still holds {row.Role} in {row.AccountId} through {sync.AppLabel(row.AppId)}; {(deprovisioned ? "remove the assignment" : "it returns the moment the account is reactivated")}.",
                row.UserId,
                row.Login,
                row.AppId,
                row.AppLabel,
                row.AccountId,
                row.Role);
        }
    }
}
