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
}
