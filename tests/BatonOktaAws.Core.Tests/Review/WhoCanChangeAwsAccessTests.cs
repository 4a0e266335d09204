using BatonOktaAws.Core.Review;
using BatonOktaAws.Core.Review.Admin;
using BatonOktaAws.Core.Review.Findings;
using BatonOktaAws.Core.Tests.Sync;
using BatonOktaAws.Store;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;
using OktaSimulator.Model;
using static BatonOktaAws.Core.Tests.Sync.AdminEstate;

namespace BatonOktaAws.Core.Tests.Review;

/// <summary>
/// Who can change AWS access, derived from a real sync of <see cref="AdminEstate"/> (one user per rule) and of the
/// demo estate: each standard role with and without targets, a role held through a group, custom roles with and
/// without the permission or the resource, and the groups only a super admin — or no Okta admin — can change.
/// </summary>
public sealed class WhoCanChangeAwsAccessTests
{
    [Fact]
    public async Task For_AdminEstate_AppAssignmentsOfEachAppAreChangedByExactlyTheRolesOktaAllows()
    {
        var review = await ReviewAsync(Fixture().ToState());

        Assert.True(review.Reviewed);
        Assert.Equal(["super", "appall", "apptype", "customboth", "customallapps"], Who(review, Prod, AdminCapability.AppAssignments, null));
        Assert.Equal(["super", "appall", "apptype", "appinst", "customallapps"], Who(review, Other, AdminCapability.AppAssignments, null));
        var prod = review.ForApp(Prod).Where(p => p.Capability == AdminCapability.AppAssignments).ToList();
        Assert.All(prod, p => Assert.Equal(("111111111111", null, null), (p.AccountId, p.Role, p.GroupId)));
        Assert.Equal("app admin over every amazon_aws app", prod.Single(p => p.Login == Login("apptype")).Reason);
        Assert.Equal("app admin over this app", review.ForApp(Other).Single(p => p.Login == Login("appinst")).Reason);
        Assert.Equal("custom role with okta.apps.manage over resource set 'every app' (all apps)", prod.Single(p => p.Login == Login("customallapps")).Reason);
    }

    [Fact]
    public async Task For_AdminEstate_GroupMembershipIsChangedByTheRolesThatManageTheGroupWithTheRoleItGrants()
    {
        var review = await ReviewAsync(Fixture().ToState());

        Assert.Equal(["super", "org", "groupadmin", "gma", "gmaall"], Who(review, Prod, AdminCapability.GroupMembership, Admins));
        Assert.Equal(["super", "org", "groupadmin", "groupadmint", "gmaall", "viagroup", "customboth"], Who(review, Prod, AdminCapability.GroupMembership, Devs));
        Assert.Equal(["super", "org", "groupadmin", "gmaall", "customnores"], Who(review, Other, AdminCapability.GroupMembership, OtherGroup));
        var devs = review.ForApp(Prod).Where(p => p.GroupId == Devs).ToList();
        Assert.All(devs, p => Assert.Equal(("111111111111", "Dev", "aws-devs"), (p.AccountId!, p.Role!, p.GroupName!)));
        Assert.Equal("group admin over this group", devs.Single(p => p.Login == Login("groupadmint")).Reason);
        Assert.Equal("custom role with okta.groups.members.manage over resource set 'prod' (this group)", devs.Single(p => p.Login == Login("customboth")).Reason);
    }

    [Fact]
    public async Task For_RoleHeldThroughAGroup_NamesEachMemberAndTheGroupTheyHoldItThrough()
    {
        var review = await ReviewAsync(Fixture().ToState());

        var path = Assert.Single(review.Paths, p => p.Login == Login("viagroup"));
        Assert.Equal(("GROUP_MEMBERSHIP_ADMIN", AdminHolders, "admin-holders", "group:" + AdminHolders), (path.Held.RoleType, path.Held.ViaGroupId, path.Held.ViaGroupName, path.Held.Source));
        Assert.Equal("via 'admin-holders'", path.Held.How);
        Assert.Equal(Devs, path.GroupId);
    }

    [Fact]
    public async Task For_GroupThatHoldsAnAdminRole_OnlyASuperAdminCanChangeItsMembership()
    {
        var review = await ReviewAsync(Fixture().ToState());

        Assert.Equal(["super"], Who(review, Prod, AdminCapability.GroupMembership, Privileged));
        Assert.Contains("the only admin who can change a group that holds admin roles", review.Paths.Single(p => p.GroupId == Privileged).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task For_RolesThatCannotChangeAwsAccess_GiveNoPath()
    {
        var review = await ReviewAsync(Fixture().ToState());

        // Read-only, help desk, an app admin over other apps, a custom role without the permission: nothing; members
        // of a group holding only a read-only role: nothing.
        foreach (var name in new[] { "readonly", "helpdesk", "appother", "customnoperm", "member3" })
        {
            Assert.DoesNotContain(review.Paths, p => p.Login == Login(name));
        }

        // The org admin cannot assign apps (Okta: org admins can't manage applications).
        Assert.DoesNotContain(review.Paths, p => p.Login == Login("org") && p.Capability == AdminCapability.AppAssignments);
    }

    [Fact]
    public async Task For_GroupMasteredByADirectory_IsAGapNoOktaAdminCanClose()
    {
        var review = await ReviewAsync(Fixture().ToState());

        Assert.DoesNotContain(review.Paths, p => p.GroupId == AdReaders);
        var gap = Assert.Single(review.Gaps);
        Assert.Equal((AdminReviewGap.GroupMasteredElsewhere, AdReaders), (gap.Kind, gap.GroupId));
        Assert.Contains($"its members come from app {AdminEstate.Directory}: no Okta admin can change them", gap.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task For_EveryoneAssignedToTheApp_WhoeverCreatesUsersChangesItsMembership()
    {
        var fixture = Fixture();
        fixture.Groups.Add(new FixtureGroup { Id = "00gadmeveryone000007", Name = "Everyone", Type = GroupType.BuiltIn, Members = [.. Ids.Values] });
        fixture.Apps[1].GroupAssignments.Add(new FixtureGroupAssignment { GroupId = "00gadmeveryone000007", Priority = 9, SamlRoles = ["Read"] });

        var review = await ReviewAsync(fixture.ToState());

        Assert.Equal(["super", "org", "groupadmin", "groupadmint"], Who(review, Other, AdminCapability.GroupMembership, "00gadmeveryone000007"));
    }

    [Fact]
    public async Task For_CustomRolesNotSynced_ReportsTheirHoldersAsNotEvaluated()
    {
        var review = await ReviewAsync(Fixture().ToState(), syncCustomRoles: false);

        Assert.DoesNotContain(review.Paths, p => p.Held.IsCustom);
        var gaps = review.Gaps.Where(g => g.Kind == AdminReviewGap.RoleNotEvaluated).OrderBy(g => g.RoleId, StringComparer.Ordinal).ToList();
        Assert.Equal([CustomAllApps, CustomBoth, CustomRead], gaps.Select(g => g.RoleId));
        Assert.Equal([Ids["customboth"], Ids["customnores"]], gaps.Single(g => g.RoleId == CustomBoth).UserIds!.Order(StringComparer.Ordinal));
        Assert.Contains("sync with --sync-custom-roles", gaps[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task For_TokenThatMayNotReadRoles_IsNotReviewedAndSaysWhy()
    {
        var review = await ReviewAsync(Fixture(tokenIsSuperAdmin: false).ToState());

        Assert.False(review.Reviewed);
        Assert.StartsWith("Admin roles not reviewed: the token lacks permission (Okta answered 403 to GET /api/v1/", review.NotReviewedReason, StringComparison.Ordinal);
        Assert.Empty(review.Paths);
    }

    [Fact]
    public async Task Find_AdminEstate_ReportsEveryoneButTheSuperAdminWhoCanGrantRolesTheyDoNotHold()
    {
        var (findings, _) = await FindingsAsync(Fixture().ToState());

        var people = findings.Where(f => f.Code == CanChangeAwsAccessRule.Code).Select(f => f.Login!.Split('@')[0]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["appall", "appinst", "apptype", "customallapps", "customboth", "customnores", "gma", "gmaall", "groupadmin", "groupadmint", "org", "viagroup"],
            people);
        var gma = findings.Single(f => f.Code == CanChangeAwsAccessRule.Code && f.Login == Login("gma"));
        Assert.Equal((FindingSeverity.Medium, Prod, "111111111111", "Admin"), (gma.Severity, gma.AppId!, gma.AccountId!, gma.Role!));
        Assert.Contains("Group Membership administrator directly", gma.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Find_AdminWhoAlreadyHoldsEveryRoleTheyCanGrant_IsNotReported()
    {
        var fixture = Fixture();
        fixture.Groups.Single(g => g.Id == Admins).Members.Add(Ids["gma"]);

        var (findings, _) = await FindingsAsync(fixture.ToState());

        Assert.DoesNotContain(findings, f => f.Code == CanChangeAwsAccessRule.Code && f.Login == Login("gma"));
        Assert.Contains(findings, f => f.Code == CanChangeAwsAccessRule.Code && f.Login == Login("gmaall"));
    }

    [Fact]
    public async Task Find_TokenThatMayNotReadRoles_SaysTheAdminReviewIsMissing()
    {
        var (findings, _) = await FindingsAsync(Fixture(tokenIsSuperAdmin: false).ToState());

        var missing = Assert.Single(findings, f => f.Code == "admin-roles-not-reviewed");
        Assert.Equal(FindingSeverity.Medium, missing.Severity);
        Assert.DoesNotContain(findings, f => f.Code == CanChangeAwsAccessRule.Code);
    }

    [Fact]
    public async Task Find_CustomRolesNotSynced_ReportsEachUnevaluatedRole()
    {
        var (findings, _) = await FindingsAsync(Fixture().ToState(), syncCustomRoles: false);

        Assert.Equal(3, findings.Count(f => f.Code == AdminRoleNotEvaluatedRule.Code));
    }

    [Fact]
    public async Task For_DemoEstate_ShowsEachPathTheDemoWasExtendedWith()
    {
        var review = await ReviewAsync(OrgFixture.Demo().ToState(), appId: "all");

        const string prod = "0oademoaws0000000001";
        Assert.Equal(
            [
                ("peggy", "APP_ADMIN", null),
                ("trent", "cr0demoawsprod000001", null),
                ("oscar", "SUPER_ADMIN", null),
            ],
            review.ForApp(prod).Where(p => p.Capability == AdminCapability.AppAssignments)
                .Select(p => (p.Login!.Split('@')[0], p.Held.RoleId, p.GroupName)).OrderBy(p => p.Item1 == "oscar").ThenBy(p => p.Item1, StringComparer.Ordinal));
        Assert.Equal(["nina", "oscar"], review.ForApp(prod).Where(p => p.GroupName == "AWS Developers").Select(p => p.Login!.Split('@')[0]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["oscar", "trent"], review.ForApp(prod).Where(p => p.GroupName == "AWS Auditors").Select(p => p.Login!.Split('@')[0]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["nina", "oscar", "peggy"], review.PeopleFor("0oademoaws0000000002").Select(p => p.Split('@')[0]).Order(StringComparer.Ordinal));
    }

    private static List<string> Who(AdminAccessReview review, string appId, AdminCapability capability, string? groupId)
    {
        var order = Ids.Keys.ToList();
        return [.. review.ForApp(appId)
            .Where(p => p.Capability == capability && p.GroupId == groupId)
            .Select(p => p.Login!.Split('@')[0])
            .Distinct()
            .OrderBy(order.IndexOf)];
    }

    private static async Task<AdminAccessReview> ReviewAsync(OrgState state, bool syncCustomRoles = true, string? appId = null)
    {
        var (_, review) = await FindingsAsync(state, syncCustomRoles, appId);
        return review;
    }

    private static async Task<(IReadOnlyList<Finding> Findings, AdminAccessReview Review)> FindingsAsync(OrgState state, bool syncCustomRoles = true, string? appId = null)
    {
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);
        await harness.SyncAsync(o => o with { SyncCustomRoles = syncCustomRoles }, appId: appId ?? $"{Prod},{Other}");
        using var reader = SyncFileReader.Open(harness.FilePath);
        var snapshot = ReviewSnapshot.Load(reader.Latest());
        return (FindingsEngine.Find(snapshot), WhoCanChangeAwsAccess.For(snapshot));
    }
}
