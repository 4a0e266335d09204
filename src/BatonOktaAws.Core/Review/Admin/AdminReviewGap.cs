namespace BatonOktaAws.Core.Review.Admin;

/// <summary>
/// Something the admin review could not decide: a role whose power is unknown (<see cref="RoleNotEvaluated"/>: a
/// custom role whose permissions or resource set were not read, a role type Okta does not document), or a group
/// granting AWS roles whose membership no Okta admin can change because another directory masters it
/// (<see cref="GroupMasteredElsewhere"/>).
/// </summary>
public sealed record AdminReviewGap(string Kind, string Explanation, string? RoleId = null, string? GroupId = null, IReadOnlyList<string>? UserIds = null)
{
    public const string RoleNotEvaluated = "role-not-evaluated";
    public const string GroupMasteredElsewhere = "group-mastered-elsewhere";
}
