using BatonOktaAws.Core.Review;
using BatonOktaAws.Core.Review.Findings;
using BatonOktaAws.Core.Tests.Sync;
using BatonOktaAws.Store;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;
using OktaSimulator.Model;

namespace BatonOktaAws.Core.Tests.Review;

/// <summary>Each finding code on a sync of the demo estate that triggers it, and a change that makes it go away.</summary>
public sealed class FindingsTests
{
    private const string Prod = "0oademoaws0000000001";
    private const string Staging = "0oademoaws0000000002";
    private const string Mapping = "0oademoaws0000000003";

    [Fact]
    public async Task Find_DemoEstate_ReportsDormantAccessOfUsersWhoCannotSignIn()
    {
        var findings = await FindAsync(OrgFixture.Demo().ToState());

        var dormant = findings.Where(f => f.Code == DormantAccessRule.Code).ToList();
        Assert.Equal(
            [
                ("frank@acme.example", Prod, "Developer", FindingSeverity.High),
                ("frank@acme.example", Prod, "ReadOnly", FindingSeverity.High),
                ("frank@acme.example", Staging, "Developer", FindingSeverity.High),
                ("dave@acme.example", Prod, "Developer", FindingSeverity.Medium),
                ("dave@acme.example", Prod, "ReadOnly", FindingSeverity.Medium),
                ("dave@acme.example", Staging, "Developer", FindingSeverity.Medium),
            ],
            dormant.Select(f => (f.Login!, f.AppId!, f.Role!, f.Severity)).OrderByDescending(f => f.Item4).ThenBy(f => f.Item1, StringComparer.Ordinal).ThenBy(f => f.Item2, StringComparer.Ordinal).ThenBy(f => f.Item3, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Find_UsersReactivated_ReportsNoDormantAccess()
    {
        var state = OrgFixture.Demo().ToState();
        state.Users["00udemodave000000004"].Status = UserStatus.Active;
        state.Users["00udemofrank00000006"].Status = UserStatus.Active;

        var findings = await FindAsync(state);

        Assert.DoesNotContain(findings, f => f.Code == DormantAccessRule.Code);
    }

    [Fact]
    public async Task Find_RoleMissingFromTheRoleList_IsReportedPerHolderAndNotWhenTheRoleExists()
    {
        var state = OrgFixture.Demo().ToState();
        var findings = await FindAsync(state);

        var missing = Assert.Single(findings, f => f.Code == RoleNotInAwsRule.Code);
        Assert.Equal(("judy@acme.example", Staging, "210987654321", "Deployer"), (missing.Login, missing.AppId, missing.AccountId, missing.Role));

        state.Apps[Staging].RoleList.SamlIamRoles.Add("Deployer");
        Assert.DoesNotContain(await FindAsync(state), f => f.Code == RoleNotInAwsRule.Code);
    }

    [Fact]
    public async Task Find_PrioritySemantics_ReportsGroupRolesThatNeverApply()
    {
        var findings = await FindAsync(OrgFixture.Demo().ToState());

        var shadowed = findings.Where(f => f.Code == ShadowedGroupRolesRule.Code && f.AppId == Prod)
            .Select(f => (f.Login, f.GroupName, f.Role))
            .Order()
            .ToList();

        // alice's direct Billing hides AWS Admins; bob's AWS Admins beats AWS Developers; carol's AWS Developers beats AWS Auditors.
        Assert.Equal(
            [
                ("alice@acme.example", "AWS Admins", "Admin"),
                ("bob@acme.example", "AWS Developers", "Developer,ReadOnly"),
                ("carol@acme.example", "AWS Auditors", "Auditor"),
            ],
            shadowed);
        Assert.DoesNotContain(findings, f => f.Code == ShadowedGroupRolesRule.Code && f.AppId == Staging);
    }

    [Fact]
    public async Task Find_JoinAllRolesOn_ReportsNoShadowedRoles()
    {
        var state = OrgFixture.Demo().ToState();
        state.Apps[Prod].SettingsApp!["joinAllRoles"] = true;

        Assert.DoesNotContain(await FindAsync(state), f => f.Code == ShadowedGroupRolesRule.Code);
    }

    [Fact]
    public async Task Find_DirectAssignments_AreReportedAsLowAndGroupAccessIsNot()
    {
        var findings = await FindAsync(OrgFixture.Demo().ToState());

        var direct = findings.Where(f => f.Code == DirectAssignmentRule.Code).Select(f => (f.Login, f.AppId, f.Role)).Order().ToList();

        Assert.Equal(
            [("alice@acme.example", Prod, "Billing"), ("heidi@acme.example", Prod, "ReadOnly"), ("ivan@acme.example", Staging, "Developer"), ("judy@acme.example", Staging, "Deployer")],
            direct);
        Assert.All(findings.Where(f => f.Code == DirectAssignmentRule.Code), f => Assert.Equal(FindingSeverity.Low, f.Severity));
    }

    [Fact]
    public async Task Find_MappingGroupMemberNotAssigned_IsReportedUntilAssigned()
    {
        var state = OrgFixture.Demo().ToState();
        var findings = await FindAsync(state);

        var unassigned = Assert.Single(findings, f => f.Code == MappingGroupNotAssignedRule.Code);
        Assert.Equal(("erin@acme.example", Mapping, "aws_123456789012_ReadOnly", "ReadOnly"), (unassigned.Login, unassigned.AppId, unassigned.GroupName, unassigned.Role));

        state.AssignUser(Mapping, "00udemoerin000000005", new System.Text.Json.Nodes.JsonObject());
        Assert.DoesNotContain(await FindAsync(state), f => f.Code == MappingGroupNotAssignedRule.Code);
    }

    [Fact]
    public async Task Find_EveryWarningOfTheSync_AppearsAsAFindingExceptThoseCoveredRowByRow()
    {
        var findings = await FindAsync(OrgFixture.Demo().ToState());

        var ignored = Assert.Single(findings, f => f.Code == "ignored-group-name");
        Assert.Equal(("00gdemomapbad0000010", "aws_12345_Admin", FindingSeverity.Low), (ignored.GroupId, ignored.GroupName, ignored.Severity));
        Assert.Contains(findings, f => f.Code == "undocumented-default-role" && f.GroupName == "Staging Ops");
        Assert.Contains(findings, f => f.Code == "credentials-not-stored" && f.Severity == FindingSeverity.Info);
        Assert.DoesNotContain(findings, f => f.Code == "role-not-in-role-list");
    }

    [Fact]
    public async Task Find_Ordering_PutsTheWorstFirst()
    {
        var findings = await FindAsync(OrgFixture.Demo().ToState());

        Assert.Equal(findings.OrderByDescending(f => f.Severity).Select(f => f.Severity), findings.Select(f => f.Severity));
        Assert.Equal(FindingSeverity.High, findings[0].Severity);
    }

    private static async Task<IReadOnlyList<Finding>> FindAsync(OrgState state)
    {
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);
        await harness.SyncAsync(appId: "all");
        using var reader = SyncFileReader.Open(harness.FilePath);
        return FindingsEngine.Find(ReviewSnapshot.Load(reader.Latest()));
    }
}
