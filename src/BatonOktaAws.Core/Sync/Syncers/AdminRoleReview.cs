using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Sync.Syncers;

/// <summary>
/// What the admin role syncers could not read, recorded once per sync however many of them hit it: a token that may
/// not read roles (Okta's 403) leaves "who can change AWS access" out of the review, and the summary, <c>findings</c>
/// and reports say so. Used on the writer only.
/// </summary>
internal sealed class AdminRoleReview
{
    /// <summary>Okta refused the roles API: the admin part of the review is missing.</summary>
    public const string NotReviewed = "admin-roles-not-reviewed";

    /// <summary>Okta's group list did not say which groups hold admin roles (<c>expand=stats</c>).</summary>
    public const string GroupStatsMissingCode = "admin-group-stats-missing";

    private readonly HashSet<string> _recorded;

    /// <param name="recorded">Warnings the sync already holds (a resumed sync must not repeat them).</param>
    public AdminRoleReview(IEnumerable<WarningRecord> recorded) =>
        _recorded = [.. recorded.Select(w => w.Code).Where(c => c is NotReviewed or GroupStatsMissingCode)];

    public void Refused(SyncBatch batch, string request)
    {
        if (_recorded.Add(NotReviewed))
        {
            batch.AddWarning(new WarningRecord(
                NotReviewed,
                $"Admin roles not reviewed: the token lacks permission (Okta answered 403 to {request}); who can change AWS access is missing from this sync. Sync with a token created by a super admin to review it."));
        }
    }

    public void GroupStatsMissing(SyncBatch batch)
    {
        if (_recorded.Add(GroupStatsMissingCode))
        {
            batch.AddWarning(new WarningRecord(
                GroupStatsMissingCode,
                "Okta's group list did not say which groups hold admin roles (expand=stats); only the groups named in role holders' own role lists were read, so a group whose members hold no role of their own may be missing."));
        }
    }
}
