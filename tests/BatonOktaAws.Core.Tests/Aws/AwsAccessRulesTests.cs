using System.Text.Json;
using BatonOktaAws.Core.Aws;

namespace BatonOktaAws.Core.Tests.Aws;

public sealed class AwsAccessRulesTests
{
    private static readonly AwsAccountId Account = AwsAccountId.Parse("111122223333");
    private static readonly SamlRole Admin = SamlRole.Parse("Admin");
    private static readonly SamlRole Dev = SamlRole.Parse("Developer");
    private static readonly SamlRole ReadOnly = SamlRole.Parse("ReadOnly");
    private static readonly SamlRole Billing = SamlRole.Parse("Billing");

    private static readonly AssignedGroup Admins = Group("00gadmins", 0, Admin);
    private static readonly AssignedGroup Devs = Group("00gdevs", 1, Dev, ReadOnly);

    [Fact]
    public void Resolve_DirectUserWithoutJoinAllRoles_GetsOnlyTheDirectRoles()
    {
        var rules = Rules(joinAllRoles: false, union: false);

        var rows = rules.Resolve(AppAssignment.Direct(Billing), [Admins, Devs], []);

        Assert.Equal([Direct(Billing)], rows);
    }

    [Fact]
    public void Resolve_DirectUserWithUnionButNotJoinAllRoles_StillGetsOnlyTheDirectRoles()
    {
        var rules = Rules(joinAllRoles: false, union: true);

        var rows = rules.Resolve(AppAssignment.Direct(Billing), [Admins, Devs], []);

        Assert.Equal([Direct(Billing)], rows);
    }

    [Fact]
    public void Resolve_DirectUserWithJoinAllRoles_AlsoGetsEveryAssignedGroupsRoles()
    {
        var rules = Rules(joinAllRoles: true, union: false);

        var rows = rules.Resolve(AppAssignment.Direct(Billing), [Admins, Devs], []);

        Assert.Equal([Direct(Billing), Via(Admins, Admin), Via(Devs, Dev), Via(Devs, ReadOnly)], rows);
    }

    [Fact]
    public void Resolve_RoleReachableDirectlyAndThroughGroupWithJoinAllRoles_GivesTwoRows()
    {
        var rules = Rules(joinAllRoles: true, union: false);

        var rows = rules.Resolve(AppAssignment.Direct(Admin), [Admins], []);

        Assert.Equal([Direct(Admin), Via(Admins, Admin)], rows);
    }

    [Fact]
    public void Resolve_GroupScopedUserWithPrioritySemantics_GetsOnlyTheLowestPriorityNumbersRoles()
    {
        var rules = Rules(joinAllRoles: false, union: false);

        var rows = rules.Resolve(AppAssignment.ThroughGroups, [Devs, Admins], []);

        Assert.Equal([Via(Admins, Admin)], rows);
    }

    [Fact]
    public void Resolve_GroupScopedUserWithEqualPriorities_LowerGroupIdWins()
    {
        var rules = Rules(joinAllRoles: false, union: false);
        var b = Group("00gbbb", 3, Dev);
        var a = Group("00gaaa", 3, ReadOnly);

        var rows = rules.Resolve(AppAssignment.ThroughGroups, [b, a], []);

        Assert.Equal([Via(a, ReadOnly)], rows);
    }

    [Fact]
    public void Resolve_GroupScopedUserWhereOneGroupHasNoPriority_NumberedGroupWins()
    {
        var rules = Rules(joinAllRoles: false, union: false);
        var unnumbered = Group("00gaaa", null, ReadOnly);
        var numbered = Group("00gzzz", 99, Dev);

        var rows = rules.Resolve(AppAssignment.ThroughGroups, [unnumbered, numbered], []);

        Assert.Equal([Via(numbered, Dev)], rows);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Resolve_GroupScopedUserWithJoinAllRolesOrUnion_GetsEveryAssignedGroupsRoles(bool joinAllRoles, bool union)
    {
        var rules = Rules(joinAllRoles, union);

        var rows = rules.Resolve(AppAssignment.ThroughGroups, [Admins, Devs], []);

        Assert.Equal([Via(Admins, Admin), Via(Devs, Dev), Via(Devs, ReadOnly)], rows);
    }

    [Fact]
    public void Resolve_GroupScopedUserInNoAssignedGroup_GetsNothing()
    {
        var rows = Rules(joinAllRoles: false, union: false).Resolve(AppAssignment.ThroughGroups, [], []);

        Assert.Empty(rows);
    }

    [Fact]
    public void Resolve_GroupWithARoleTwice_GivesOneRow()
    {
        var twice = Group("00gtwice", 0, Admin, Admin);

        var rows = Rules(joinAllRoles: false, union: false).Resolve(AppAssignment.ThroughGroups, [twice], []);

        Assert.Equal([Via(twice, Admin)], rows);
    }

    [Fact]
    public void Resolve_GroupMapping_EveryMappedGroupGivesItsAccountAndRoleAndDirectRolesDoNotCount()
    {
        var rules = new AwsAccessRules(GroupMappingSettings(), samlRolesUnion: false);
        var other = AwsAccountId.Parse("444455556666");
        var prodAdmin = new MappedGroup("00gprodadmin", Account, Admin);
        var devRead = new MappedGroup("00gdevread", other, ReadOnly);

        var direct = rules.Resolve(AppAssignment.Direct(Billing), [Admins], [prodAdmin, devRead]);
        var viaGroup = rules.Resolve(AppAssignment.ThroughGroups, [Admins], [prodAdmin]);

        Assert.Equal(
            [new RoleAccess(Account, Admin, AccessSource.Group("00gprodadmin")), new RoleAccess(other, ReadOnly, AccessSource.Group("00gdevread"))],
            direct);
        Assert.Equal([new RoleAccess(Account, Admin, AccessSource.Group("00gprodadmin"))], viaGroup);
    }

    [Fact]
    public void Resolve_GroupMappingUserInNoMappedGroup_GetsNothing()
    {
        var rows = new AwsAccessRules(GroupMappingSettings(), false).Resolve(AppAssignment.ThroughGroups, [Admins], []);

        Assert.Empty(rows);
    }

    [Fact]
    public void Constructor_SingleAccountWithoutAccount_Throws()
    {
        var settings = new AwsAppSettings { UseGroupMapping = false };

        var error = Assert.Throws<ArgumentException>(() => new AwsAccessRules(settings, false));

        Assert.Contains("account id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_DirectAssignmentWithOnlyADefaultRole_GetsTheDefaultRole()
    {
        var direct = new AppAssignment(true, new AssignmentRoles([], Billing));

        var rows = Rules(joinAllRoles: false, union: false).Resolve(direct, [Admins], []);

        Assert.Equal([Direct(Billing)], rows);
    }

    [Fact]
    public void Resolve_DirectAssignmentWithSamlRolesAndADefaultRole_IgnoresTheDefaultRole()
    {
        var direct = new AppAssignment(true, new AssignmentRoles([Admin], Billing));

        var rows = Rules(joinAllRoles: false, union: false).Resolve(direct, [], []);

        Assert.Equal([Direct(Admin)], rows);
    }

    [Fact]
    public void Resolve_PriorityWinnerWithOnlyADefaultRole_GivesTheDefaultRoleAndTheLoserNothing()
    {
        var winner = new AssignedGroup("00gwinner", 0, new AssignmentRoles([], Billing));

        var rows = Rules(joinAllRoles: false, union: false).Resolve(AppAssignment.ThroughGroups, [winner, Devs], []);

        Assert.Equal([Via(winner, Billing)], rows);
        Assert.False(rows[0].Undocumented);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Resolve_GroupWithOnlyADefaultRoleUnderJoinAllRolesOrUnion_IsReportedAndMarkedUndocumented(bool joinAllRoles, bool union)
    {
        var defaultOnly = new AssignedGroup("00gdefault", 5, new AssignmentRoles([], Billing));

        var rows = Rules(joinAllRoles, union).Resolve(AppAssignment.ThroughGroups, [Admins, defaultOnly], []);

        Assert.Equal([Via(Admins, Admin), Via(defaultOnly, Billing) with { Undocumented = true }], rows);
    }

    [Fact]
    public void ExpectedGroupProfile_PrioritySemantics_IsTheWinnersProfile()
    {
        var winner = new AssignedGroup("00gwinner", 0, new AssignmentRoles([Admin], Billing));

        var profile = Rules(joinAllRoles: true, union: false).ExpectedGroupProfile([Devs, winner]);

        Assert.Equal([Admin], profile.SamlRoles);
        Assert.Equal(Billing, profile.DefaultRole);
    }

    [Fact]
    public void ExpectedGroupProfile_Union_CombinesSamlRolesInPriorityOrderAndKeepsTheWinnersDefaultRole()
    {
        var winner = new AssignedGroup("00gwinner", 0, new AssignmentRoles([Admin], Billing));

        var profile = Rules(joinAllRoles: false, union: true).ExpectedGroupProfile([Devs, winner]);

        Assert.Equal([Admin, Dev, ReadOnly], profile.SamlRoles);
        Assert.Equal(Billing, profile.DefaultRole);
    }

    private static AssignedGroup Group(string id, int? priority, params SamlRole[] roles) => new(id, priority, AssignmentRoles.Of(roles));

    private static AwsAccessRules Rules(bool joinAllRoles, bool union) =>
        new(new AwsAppSettings { AccountId = Account, JoinAllRoles = joinAllRoles }, union);

    private static AwsAppSettings GroupMappingSettings() =>
        AwsAppSettings.Parse(JsonDocument.Parse("""{"useGroupMapping": true, "groupFilter": "aws_(?{{accountid}}\\d+)_(?{{role}}\\w+)"}""").RootElement, "0oaapp");

    private static RoleAccess Direct(SamlRole role) => new(Account, role, AccessSource.Direct);

    private static RoleAccess Via(AssignedGroup group, SamlRole role) => new(Account, role, AccessSource.Group(group.GroupId));
}
