using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Sync;

/// <summary>
/// Okta's admin roles in a finished sync: how many assignments, holders, custom roles and resource sets were read,
/// and — when Okta refused the roles API — why the admin part of the review is missing.
/// </summary>
/// <param name="NotReviewed">The warning saying the token may not read roles, or null when they were read.</param>
/// <param name="CustomRolesRead">Whether custom roles and resource sets were asked for (<c>--sync-custom-roles</c>).</param>
public sealed record AdminRoleSummary(AdminRoleCounts Counts, string? NotReviewed, bool CustomRolesRead)
{
    public bool Reviewed => NotReviewed is null;
}
