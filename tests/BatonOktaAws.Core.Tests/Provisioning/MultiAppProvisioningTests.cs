using System.Text.Json.Nodes;
using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Provisioning;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;
using OktaSimulator.Model;

namespace BatonOktaAws.Core.Tests.Provisioning;

/// <summary>
/// Provisioning across the demo estate's AWS apps (docs/aws-access.md): production (123456789012) and staging
/// (210987654321) single-account apps, a group-mapping app and a retired INACTIVE app (999999999999); some tests add
/// a second app for the staging account to see the ambiguity refused.
/// </summary>
public sealed class MultiAppProvisioningTests
{
    private const string Production = "0oademoaws0000000001";
    private const string Staging = "0oademoaws0000000002";
    private const string Mapping = "0oademoaws0000000003";
    private const string Retired = "0oademoaws0000000004";
    private const string BreakGlass = "0oademoaws0000000009";
    private const string Alice = "00udemoalice00000001";
    private const string Grace = "00udemograce00000007";
    private const string Admins = "00gdemoawsadmins0001";
    private const string AppsList = "/api/v1/apps";

    [Fact]
    public async Task Run_AccountRolesInTwoAccountsWithAllApps_EachGoesToTheAppServingItsAccountFoundWithOneAppsList()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());
        var before = await h.SyncedAccessOfAllAppsAsync();
        h.Simulator.Requests.Clear();

        var results = await h.RunAsync(
            [
                ChangeParser.Grant("account:210987654321:Admin", "user", Alice, 1),
                ChangeParser.Grant("account:123456789012:PowerUser", "user", Grace, 2),
            ],
            All);

        Assert.Equal([ProvisioningOutcome.Granted, ProvisioningOutcome.Granted], results.Select(r => r.Outcome));
        Assert.Equal([new AppRef(Staging, "Amazon Web Services (staging)"), new AppRef(Production, "Amazon Web Services (production)")], results.Select(r => r.App));
        Assert.Equal($"/api/v1/apps/{Staging}/users", Assert.Single(results[0].Writes).Path);
        Assert.Equal($"/api/v1/apps/{Production}/users", Assert.Single(results[1].Writes).Path);
        Assert.Single(h.Simulator.Requests.Entries, e => e.Path == AppsList);
        Assert.Equal([Staging, Production], h.Audit.Events.Select(e => e.App!.Id));
        var after = await h.SyncedAccessOfAllAppsAsync();
        Assert.Equal(
            ExpectedAccess.Normalize(
            [
                new ExpectedRow(Alice, "alice@acme.example", "ACTIVE", "210987654321", "Admin", "direct", Staging),
                new ExpectedRow(Grace, "grace@acme.example", "ACTIVE", "123456789012", "PowerUser", "direct", Production),
            ]),
            after.Except(before));
        Assert.Empty(before.Except(after));
    }

    [Fact]
    public async Task Run_OnlyGroupMemberships_NeverReadsTheApps()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());

        var result = Assert.Single(await h.RunAsync([ChangeParser.Grant($"group:{Admins}:member", "user", Grace)], All));

        Assert.Equal(ProvisioningOutcome.Granted, result.Outcome);
        Assert.Null(result.App);
        Assert.DoesNotContain(h.Simulator.Requests.Entries, e => e.Path.StartsWith(AppsList, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Grant_AccountServedByTwoApps_IsRefusedListingBothAndWritesNothing()
    {
        await using var h = await ProvisioningHarness.StartAsync(WithBreakGlass().ToState());

        var result = Assert.Single(await h.RunAsync([ChangeParser.Grant("account:210987654321:Admin", "user", Alice)], All));

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        Assert.Equal(
            "account:210987654321:Admin: account 210987654321 is served by 2 AWS apps, 'Amazon Web Services (staging)' (0oademoaws0000000002) and " +
            "'Amazon Web Services (staging, break-glass)' (0oademoaws0000000009); name the one to change with --aws-okta-app-id <app-id> (or in the change file's app column).",
            result.Error);
        Assert.Null(result.App);
        Assert.Equal(0, h.Writes);
    }

    [Fact]
    public async Task Grant_AccountServedByTwoAppsWithOneNamed_GoesToTheNamedApp()
    {
        await using var h = await ProvisioningHarness.StartAsync(WithBreakGlass().ToState());

        var bySelection = Assert.Single(await h.RunAsync([ChangeParser.Grant("account:210987654321:Admin", "user", Alice)], o => o with { Apps = AppSelection.Of(BreakGlass) }));
        var byLine = Assert.Single(await h.RunAsync([ChangeParser.Grant("account:210987654321:Admin", "user", Grace) with { AppId = BreakGlass }], All));

        Assert.Equal((ProvisioningOutcome.Granted, BreakGlass), (bySelection.Outcome, bySelection.App?.Id));
        Assert.Equal((ProvisioningOutcome.Granted, BreakGlass), (byLine.Outcome, byLine.App?.Id));
        Assert.True(h.State.Apps[BreakGlass].DirectAssignments.ContainsKey(Alice));
        Assert.True(h.State.Apps[BreakGlass].DirectAssignments.ContainsKey(Grace));
        Assert.False(h.State.Apps[Staging].DirectAssignments.ContainsKey(Alice));
        await h.SyncedAccessOfAllAppsAsync();
    }

    [Fact]
    public async Task Grant_AccountOnlyAGroupMappingAppMaps_IsRefusedNamingTheMappingGroupFromTheSyncFile()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());
        await h.SyncedAccessOfAllAppsAsync();

        var withFile = Assert.Single(await h.RunAsync([ChangeParser.Grant("account:555555555555:Billing", "user", Grace)], o => o with { Apps = AppSelection.Every, SyncFilePath = h.Sync.FilePath }));
        var withoutFile = Assert.Single(await h.RunAsync([ChangeParser.Revoke("account:555555555555:Billing:user:00udemoheidi00000008")], All));

        Assert.Equal(ProvisioningOutcome.Failed, withFile.Outcome);
        Assert.StartsWith(
            "account:555555555555:Billing: no single-account AWS app in this run serves account 555555555555, and the AWS app " +
            "'Amazon Web Services (all accounts, group mapping)' (0oademoaws0000000003) uses group mapping: account and role come from group names, so account:555555555555:Billing cannot be granted directly.",
            withFile.Error,
            StringComparison.Ordinal);
        Assert.Contains("Grant membership of group:00gdemomapbill000009:member ('aws_555555555555_Billing') instead.", withFile.Error, StringComparison.Ordinal);
        Assert.Contains("cannot be revoked directly. Revoke group:<groupId>:member of a group whose name maps to it (pass --file", withoutFile.Error, StringComparison.Ordinal);
        Assert.Equal(0, h.Writes);
    }

    [Fact]
    public async Task Grant_GroupMappingAppNamedOnTheLine_IsRefusedAsGroupMapping()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());

        var result = Assert.Single(await h.RunAsync([ChangeParser.Grant("account:123456789012:ReadOnly", "user", Grace) with { AppId = Mapping }], All));

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        Assert.StartsWith("account:123456789012:ReadOnly: the AWS app 'Amazon Web Services (all accounts, group mapping)' (0oademoaws0000000003) uses group mapping", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grant_AccountNoAppOfTheListServes_IsRefusedSayingWhichAccountEachServes()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());

        var result = Assert.Single(await h.RunAsync([ChangeParser.Grant("account:999999999999:Admin", "user", Alice)], o => o with { Apps = AppSelection.Of(Production, Staging) }));

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        Assert.Equal(
            "account:999999999999:Admin: no AWS app in this run serves account 999999999999 ('Amazon Web Services (production)' (0oademoaws0000000001) is for account 123456789012; " +
            "'Amazon Web Services (staging)' (0oademoaws0000000002) is for account 210987654321).",
            result.Error);
    }

    [Fact]
    public async Task Revoke_LineNamingAnInactiveAppUnderAll_ReadsThatAppAndWarnsItIsInactive()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());

        var result = Assert.Single(await h.RunAsync([ChangeParser.Revoke($"account:999999999999:Admin:user:{Grace}") with { AppId = Retired }], All));

        Assert.Equal(ProvisioningOutcome.Revoked, result.Outcome);
        Assert.Equal(Retired, result.App?.Id);
        Assert.Contains(result.Warnings, w => w.Contains("is INACTIVE", StringComparison.Ordinal));
        Assert.Empty(SamlRoles.Read(h.State.Apps[Retired].DirectAssignments[Grace].Profile));
    }

    [Fact]
    public async Task Grant_LineNamingAnAppTheSelectionLeavesOut_IsRefused()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());

        var result = Assert.Single(await h.RunAsync([ChangeParser.Grant("account:210987654321:Admin", "user", Alice) with { AppId = Staging }]));

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        Assert.Equal($"account:210987654321:Admin: the line names app {Staging}, but --aws-okta-app-id limits this run to {Production}; add it there, or leave the line's app empty.", result.Error);
    }

    [Fact]
    public async Task Grant_WithAnUnreadableAppInTheSelection_GoesToTheServingAppAndWarnsAboutTheOther()
    {
        var fixture = OrgFixture.Demo();
        fixture.Apps.Add(new FixtureApp { Id = "0oademoawsbroken00010", Label = "AWS (half set up)", SettingsApp = new JsonObject { ["useGroupMapping"] = false } });
        await using var h = await ProvisioningHarness.StartAsync(fixture.ToState());

        var result = Assert.Single(await h.RunAsync([ChangeParser.Grant("account:210987654321:Admin", "user", Alice)], All));

        Assert.Equal((ProvisioningOutcome.Granted, Staging), (result.Outcome, result.App?.Id));
        Assert.Contains(result.Warnings, w => w.StartsWith("App 'AWS (half set up)' (0oademoawsbroken00010) could not be read (", StringComparison.Ordinal)
            && w.EndsWith("so whether it also serves account 210987654321 is not known.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DryRun_AcrossApps_PlansEachWriteInItsAppAndNamesTheApp()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());

        var results = await h.RunAsync(
            [
                ChangeParser.Grant("account:210987654321:Admin", "group", Admins, 1),
                ChangeParser.Revoke("account:123456789012:ReadOnly:user:00udemoheidi00000008", 2),
            ],
            o => o with { Apps = AppSelection.Every, DryRun = true });

        Assert.Equal(0, h.Writes);
        Assert.Equal([ProvisioningOutcome.Planned, ProvisioningOutcome.Planned], results.Select(r => r.Outcome));
        Assert.Equal(new OktaWrite("PUT", $"/api/v1/apps/{Staging}/groups/{Admins}", """{"profile":{"samlRoles":["Admin"]}}"""), Assert.Single(results[0].Writes));
        Assert.Equal(new OktaWrite("POST", $"/api/v1/apps/{Production}/users/00udemoheidi00000008", """{"profile":{"samlRoles":[]}}"""), Assert.Single(results[1].Writes));
        Assert.Equal([Staging, Production], results.Select(r => r.App?.Id));
    }

    private static ProvisioningOptions All(ProvisioningOptions options) => options with { Apps = AppSelection.Every };

    /// <summary>The demo estate with a second app for the staging account (a break-glass federation, as some estates keep).</summary>
    private static OrgFixture WithBreakGlass()
    {
        var fixture = OrgFixture.Demo();
        fixture.Apps.Add(new FixtureApp
        {
            Id = BreakGlass,
            Label = "Amazon Web Services (staging, break-glass)",
            SettingsApp = new JsonObject
            {
                ["identityProviderArn"] = "arn:aws:iam::210987654321:saml-provider/OktaBreakGlass",
                ["joinAllRoles"] = false,
                ["useGroupMapping"] = false,
            },
            RoleList = new FixtureRoleList { SamlIamRoles = ["Admin"] },
        });
        return fixture;
    }
}
