namespace BatonOktaAws.Core.Review.Admin;

/// <summary>
/// Who can change AWS access in one sync, from its admin roles: every <see cref="AccessChangePath"/>, and what could
/// not be decided. When Okta refused the roles API (<see cref="Reviewed"/> false) there are no paths and
/// <see cref="NotReviewedReason"/> says why — absence of paths then means "unknown", never "nobody".
/// </summary>
public sealed record AdminAccessReview(bool Reviewed, string? NotReviewedReason, IReadOnlyList<AccessChangePath> Paths, IReadOnlyList<AdminReviewGap> Gaps)
{
    /// <summary>The paths into one AWS app, in the review's order.</summary>
    public IReadOnlyList<AccessChangePath> ForApp(string appId) => [.. Paths.Where(p => p.AppId == appId)];

    /// <summary>The people who can change access through one AWS app (for a report's "Who can change this access").</summary>
    public IReadOnlyList<string> PeopleFor(string appId) => [.. ForApp(appId).Select(p => p.Login ?? p.UserId).Distinct(StringComparer.OrdinalIgnoreCase)];
}
