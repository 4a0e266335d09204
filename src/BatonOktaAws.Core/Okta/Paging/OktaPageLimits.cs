namespace BatonOktaAws.Core.Okta.Paging;

/// <summary>
/// The <c>limit</c> the client asks for on each list endpoint: the largest Okta serves, since fewer pages spend
/// less of the rate limits. Group members and groups are configurable (<see cref="OktaClientOptions"/>); for them
/// this holds the default and the largest the client accepts.
/// </summary>
public static class OktaPageLimits
{
    public const int Apps = 200;
    public const int AppUsers = 500;
    public const int AppGroups = 200;

    /// <summary>The default page of group members.</summary>
    public const int GroupMembers = 1_000;

    /// <summary>
    /// The most the client asks of <c>/api/v1/groups/{groupId}/users</c> per page: the contract documents only its
    /// default, 1,000 (and recommends 200), so more is not promised to give more.
    /// </summary>
    public const int MaxGroupMembers = 1_000;

    /// <summary>The default page of groups.</summary>
    public const int Groups = 10_000;

    /// <summary>The most <c>/api/v1/groups</c> serves per page (the contract's maximum).</summary>
    public const int MaxGroups = 10_000;

    public const int Users = 200;

    /// <summary><c>/api/v1/iam/assignees/users</c> (the contract documents a default of 100 and no maximum; Okta's pages are 1,000 at most).</summary>
    public const int RoleAssignees = 1_000;

    /// <summary><c>/api/v1/iam/resource-sets/{id}/resources</c>.</summary>
    public const int ResourceSetResources = 1_000;

    /// <summary>A role assignment's group or app targets (<c>.../targets/groups</c>, <c>.../targets/catalog/apps</c>).</summary>
    public const int RoleTargets = 200;
}
