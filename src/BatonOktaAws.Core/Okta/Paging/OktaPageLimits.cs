namespace BatonOktaAws.Core.Okta.Paging;

/// <summary>The largest <c>limit</c> Okta accepts per list endpoint; the client always asks for it.</summary>
public static class OktaPageLimits
{
    public const int Apps = 200;
    public const int AppUsers = 500;
    public const int AppGroups = 200;
    public const int GroupMembers = 1_000;
    public const int Groups = 10_000;
    public const int Users = 200;

    /// <summary><c>/api/v1/iam/assignees/users</c> (the contract documents a default of 100 and no maximum; Okta's pages are 1,000 at most).</summary>
    public const int RoleAssignees = 1_000;

    /// <summary><c>/api/v1/iam/resource-sets/{id}/resources</c>.</summary>
    public const int ResourceSetResources = 1_000;

    /// <summary>A role assignment's group or app targets (<c>.../targets/groups</c>, <c>.../targets/catalog/apps</c>).</summary>
    public const int RoleTargets = 200;
}
