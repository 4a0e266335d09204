using OktaSimulator.Fixtures;

namespace BatonOktaAws.TestSupport;

/// <summary>Generated orgs sized so that every list the sync reads spans several pages at Okta's maximum limits.</summary>
public static class TestShapes
{
    /// <summary>3 pages of app users (500), 3 of app groups (200), 2 of the large group's members (1000).</summary>
    public static OrgShape SeveralPages => new()
    {
        Seed = 7,
        Users = 3_000,
        Groups = 480,
        AssignedGroups = 420,
        LargeGroups = 1,
        LargeGroupSize = 1_200,
        AppUsers = 1_300,
        DirectAppUsers = 300,
        UnassignedGroupSize = 10,
    };

    public static OrgShape Small => OrgShape.Small;
}
