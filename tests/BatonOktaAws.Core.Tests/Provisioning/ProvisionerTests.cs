using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Provisioning;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;
using OktaSimulator.Http;
using OktaSimulator.Model;

namespace BatonOktaAws.Core.Tests.Provisioning;

/// <summary>Each provisioning path against the demo org (see docs/aws-access.md for who has what there).</summary>
public sealed class ProvisionerTests
{
    private const string Account = "123456789012";
    private const string AwsApp = "0oademoaws0000000001";
    private const string Alice = "00udemoalice00000001";
    private const string Bob = "00udemobob0000000002";
    private const string Carol = "00udemocarol00000003";
    private const string Grace = "00udemograce00000007";
    private const string Heidi = "00udemoheidi00000008";
    private const string Admins = "00gdemoawsadmins0001";
    private const string Developers = "00gdemoawsdevs000002";
    private const string Engineering = "00gdemoengineers0004";

    [Fact]
    public async Task Grant_MembershipForANonMember_AddsItAndTheNextSyncShowsExactlyTheNewAccess()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());
        var before = await h.SyncedAccessAsync();

        var result = await h.RunOneAsync(ChangeParser.Grant($"group:{Admins}:member", "user", "grace@acme.example"));

        Assert.Equal(ProvisioningOutcome.Granted, result.Outcome);
        Assert.Equal("not a member", result.Before);
        Assert.Equal("member", result.After);
        Assert.True(h.State.IsMember(Admins, Grace));
        var after = await h.SyncedAccessAsync();
        var added = Assert.Single(after.Except(before));
        Assert.Equal(new ExpectedRow(Grace, "grace@acme.example", "ACTIVE", Account, "Admin", "group:" + Admins, AwsApp), added);
        Assert.Empty(before.Except(after));
        var audit = Assert.Single(h.Audit.Events);
        Assert.Equal(("PUT", $"/api/v1/groups/{Admins}/users/{Grace}", "granted", "tester@test-host"), (audit.Method, audit.Path, audit.Result, audit.Actor));
    }

    [Fact]
    public async Task Grant_MembershipAlreadyHeld_ReportsAlreadyGrantedAndWritesNothing()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());

        var result = await h.RunOneAsync(ChangeParser.Grant($"group:{Admins}:member", "user", Bob));

        Assert.Equal(ProvisioningOutcome.AlreadyGranted, result.Outcome);
        Assert.Equal(0, h.Writes);
        Assert.Empty(h.Audit.Events);
    }

    [Fact]
    public async Task Revoke_Membership_RemovesItAndPrioritySemanticsPickTheNextGroup()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());
        var before = await h.SyncedAccessAsync();

        var result = await h.RunOneAsync(ChangeParser.Revoke($"group:{Admins}:member:user:{Bob}"));
        var again = await h.RunOneAsync(ChangeParser.Revoke($"group:{Admins}:member:user:{Bob}"));

        Assert.Equal(ProvisioningOutcome.Revoked, result.Outcome);
        Assert.Equal(ProvisioningOutcome.AlreadyRevoked, again.Outcome);
        var after = await h.SyncedAccessAsync();
        Assert.Equal([new ExpectedRow(Bob, "bob@acme.example", "ACTIVE", Account, "Admin", "group:" + Admins, AwsApp)], before.Except(after));
        Assert.Equal(["Developer", "ReadOnly"], after.Except(before).Select(r => r.Role).Order());
    }

    [Theory]
    [InlineData("00gdemoadfinance0006", "is an APP_GROUP")]
    [InlineData("00gdemoeveryone00005", "is BUILT_IN")]
    public async Task Grant_MembershipOfAGroupAdminsCannotEdit_IsRefusedWithoutWriting(string groupId, string expected)
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());

        var result = await h.RunOneAsync(ChangeParser.Grant($"group:{groupId}:member", "user", Grace));

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Equal(0, h.Writes);
    }

    [Fact]
    public async Task Grant_RoleToAGroupNotAssigned_AssignsTheGroupWithThatRole()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());
        var before = await h.SyncedAccessAsync();

        var result = await h.RunOneAsync(ChangeParser.Grant($"account:{Account}:Auditor", "group", Engineering));

        Assert.Equal(ProvisioningOutcome.Granted, result.Outcome);
        Assert.Equal("PUT", Assert.Single(result.Writes).Method);
        Assert.Equal(["Auditor"], SamlRoles.Read(h.State.Apps[h.AppId].GroupAssignments[Engineering].Profile));
        var after = await h.SyncedAccessAsync();
        var gained = after.Except(before).ToList();
        Assert.Contains(new ExpectedRow(Grace, "grace@acme.example", "ACTIVE", Account, "Auditor", "group:" + Engineering, AwsApp), gained);
        Assert.Empty(before.Except(after));
    }

    [Fact]
    public async Task GrantAndRevoke_RoleOnAnAssignedGroup_PatchesOnlyItsSamlRoles()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());
        var assignment = h.State.Apps[h.AppId].GroupAssignments[Developers];

        var granted = await h.RunOneAsync(ChangeParser.Grant($"account:{Account}:PowerUser", "group", Developers));
        var already = await h.RunOneAsync(ChangeParser.Grant($"account:{Account}:PowerUser", "group", Developers));
        Assert.Equal(["Developer", "ReadOnly", "PowerUser"], SamlRoles.Read(assignment.Profile));
        var revoked = await h.RunOneAsync(ChangeParser.Revoke($"account:{Account}:Developer:group:{Developers}"));
        var alreadyRevoked = await h.RunOneAsync(ChangeParser.Revoke($"account:{Account}:Developer:group:{Developers}"));

        Assert.Equal(
            [ProvisioningOutcome.Granted, ProvisioningOutcome.AlreadyGranted, ProvisioningOutcome.Revoked, ProvisioningOutcome.AlreadyRevoked],
            [granted.Outcome, already.Outcome, revoked.Outcome, alreadyRevoked.Outcome]);
        Assert.Equal("PATCH", Assert.Single(granted.Writes).Method);
        Assert.Equal(["ReadOnly", "PowerUser"], SamlRoles.Read(assignment.Profile));
        Assert.Equal(1, assignment.Priority);
        await h.SyncedAccessAsync();
    }

    [Fact]
    public async Task Grant_RoleToAnUnassignedUser_AssignsThemDirectly()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());
        var before = await h.SyncedAccessAsync();

        var result = await h.RunOneAsync(ChangeParser.Grant($"account:{Account}:PowerUser", "user", Grace));

        Assert.Equal(ProvisioningOutcome.Granted, result.Outcome);
        Assert.Equal("not assigned to the app", result.Before);
        Assert.Equal("scope USER, samlRoles [PowerUser]", result.After);
        var after = await h.SyncedAccessAsync();
        Assert.Equal([new ExpectedRow(Grace, "grace@acme.example", "ACTIVE", Account, "PowerUser", "direct", AwsApp)], after.Except(before));
    }

    [Fact]
    public async Task Grant_RoleToADirectUser_AddsItToTheirRoles()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());

        var result = await h.RunOneAsync(ChangeParser.Grant($"account:{Account}:PowerUser", "user", "alice@acme.example"));
        var again = await h.RunOneAsync(ChangeParser.Grant($"account:{Account}:PowerUser", "user", Alice));

        Assert.Equal(ProvisioningOutcome.Granted, result.Outcome);
        Assert.Equal(ProvisioningOutcome.AlreadyGranted, again.Outcome);
        Assert.Equal(["Billing", "PowerUser"], SamlRoles.Read(h.State.Apps[h.AppId].DirectAssignments[Alice].Profile));
        await h.SyncedAccessAsync();
    }

    [Fact]
    public async Task Grant_RoleToAGroupScopedUserWithoutTheConversionFlag_IsRefusedNamingTheirGroupsAndTheFlag()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());

        var result = await h.RunOneAsync(ChangeParser.Grant($"account:{Account}:PowerUser", "user", Carol));

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        Assert.Contains("'AWS Developers' (00gdemoawsdevs000002)", result.Error, StringComparison.Ordinal);
        Assert.Contains("--aws-allow-group-to-direct-assignment-conversion-for-provisioning", result.Error, StringComparison.Ordinal);
        Assert.Contains("because joinAllRoles is off, a direct assignment hides their groups' roles, so [Developer, ReadOnly] would be copied into it", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, h.Writes);
    }

    [Fact]
    public async Task Grant_RoleToAGroupScopedUserWithTheConversionFlag_ConvertsKeepingEveryRoleTheyHad()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());
        var before = await h.SyncedAccessAsync();

        var result = await h.RunOneAsync(ChangeParser.Grant($"account:{Account}:PowerUser", "user", Carol), o => o with { AllowGroupToDirectConversion = true });

        Assert.Equal(ProvisioningOutcome.Granted, result.Outcome);
        Assert.Equal("scope GROUP, samlRoles [Developer, ReadOnly]", result.Before);
        Assert.Equal("scope USER, samlRoles [Developer, ReadOnly, PowerUser]", result.After);
        var after = await h.SyncedAccessAsync();
        var carolBefore = before.Where(r => r.UserId == Carol).Select(r => r.Role).ToHashSet();
        var carolAfter = after.Where(r => r.UserId == Carol).Select(r => r.Role).ToHashSet();
        Assert.Superset(carolBefore, carolAfter);
        Assert.Equal(["PowerUser"], carolAfter.Except(carolBefore));
        Assert.All(after.Where(r => r.UserId == Carol), r => Assert.Equal("direct", r.Source));
        var devs = new GroupRef(Developers, "AWS Developers");
        Assert.Equal([new RoleMadeDirect("Developer", [devs]), new RoleMadeDirect("ReadOnly", [devs])], result.RolesMadeDirect, RoleMadeDirectComparer.Instance);
        Assert.Equal(["Developer", "ReadOnly"], Assert.Single(h.Audit.Events).RolesMadeDirect.Select(r => r.Role));
    }

    [Fact]
    public async Task Revoke_ADirectRole_RemovesIt()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());
        var before = await h.SyncedAccessAsync();

        var result = await h.RunOneAsync(ChangeParser.Revoke($"account:{Account}:ReadOnly:user:{Heidi}"));

        Assert.Equal(ProvisioningOutcome.Revoked, result.Outcome);
        var after = await h.SyncedAccessAsync();
        Assert.Equal([new ExpectedRow(Heidi, "heidi@acme.example", "ACTIVE", Account, "ReadOnly", "direct", AwsApp)], before.Except(after));
        Assert.Empty(after.Except(before));
    }

    /// <summary>
    /// alice's direct assignment ([Billing]) hides what AWS Admins gives her (no joinAllRoles): taking Billing away
    /// leaves an empty direct assignment, which still hides Admin. That is the safe outcome (a revoke must not hand
    /// out the group's roles), but the person revoking is told, with what to do if Admin is meant to apply.
    /// </summary>
    [Fact]
    public async Task Revoke_LastDirectRoleOfAUserWhoseGroupRolesItHides_RevokesAndSaysTheGroupRolesStayHidden()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());
        var before = await h.SyncedAccessAsync();

        var result = await h.RunOneAsync(ChangeParser.Revoke($"account:{Account}:Billing:user:{Alice}"));

        Assert.Equal(ProvisioningOutcome.Revoked, result.Outcome);
        Assert.Contains(result.Warnings, w => w.Contains(
            $"direct assignment in 'Amazon Web Services (production)' ({AwsApp}) now holds no samlRoles, and while it exists it hides Admin from group 'AWS Admins' ({Admins})",
            StringComparison.Ordinal));
        var after = await h.SyncedAccessAsync();
        Assert.Equal([new ExpectedRow(Alice, "alice@acme.example", "ACTIVE", Account, "Billing", "direct", AwsApp)], before.Except(after));
        Assert.Empty(after.Except(before));
    }

    /// <summary>With joinAllRoles on (staging) the groups' roles reach a direct user anyway: nothing is hidden, nothing to warn about.</summary>
    [Fact]
    public async Task Revoke_LastDirectRoleWithJoinAllRoles_KeepsTheGroupRolesWithoutAHiddenRolesWarning()
    {
        const string staging = "0oademoaws0000000002";
        const string ivan = "00udemoivan000000009";
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());
        var before = await h.SyncedAccessOfAllAppsAsync();

        var result = await h.RunOneAsync(ChangeParser.Revoke($"account:210987654321:Developer:user:{ivan}"), o => o with { Apps = AppSelection.Of(staging) });

        Assert.True(result.Outcome == ProvisioningOutcome.Revoked, result.Error);
        Assert.DoesNotContain(result.Warnings, w => w.Contains("hides", StringComparison.Ordinal));
        var after = await h.SyncedAccessOfAllAppsAsync();
        Assert.Equal([new ExpectedRow(ivan, "ivan@acme.example", "ACTIVE", "210987654321", "Developer", "direct", staging)], before.Except(after));
        Assert.Contains(after, r => r.UserId == ivan && r.Role == "ReadOnly");
    }

    [Fact]
    public async Task Revoke_ARoleHeldOnlyThroughAGroup_FailsNamingTheGroupToActOn()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());

        var result = await h.RunOneAsync(ChangeParser.Revoke($"account:{Account}:Admin:user:{Bob}"));

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        Assert.Contains($"has Admin only through group 'AWS Admins' ({Admins})", result.Error, StringComparison.Ordinal);
        Assert.Contains($"revoke group:{Admins}:member:user:{Bob}", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, h.Writes);
    }

    [Fact]
    public async Task Revoke_ARoleTheUserDoesNotHave_IsAlreadyRevoked()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());

        var result = await h.RunOneAsync(ChangeParser.Revoke($"account:{Account}:Billing:user:{Bob}"));

        Assert.Equal(ProvisioningOutcome.AlreadyRevoked, result.Outcome);
    }

    [Fact]
    public async Task Grant_RoleInAnotherAccount_IsRefused()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());

        var result = await h.RunOneAsync(ChangeParser.Grant("account:999999999999:Admin", "user", Grace));

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        Assert.Contains($"is for account {Account}, not 999999999999", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grant_RoleMissingFromTheRoleList_IsRefusedWithoutWriting()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());

        var result = await h.RunOneAsync(ChangeParser.Grant($"account:{Account}:Adminn", "user", Grace));

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        Assert.Contains("Role Adminn is not in the AWS role list Okta reports for app", result.Error, StringComparison.Ordinal);
        Assert.Contains("the sign-in to AWS would fail", result.Error, StringComparison.Ordinal);
        Assert.Contains("--allow-unknown-role", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, h.Writes);
    }

    [Fact]
    public async Task Grant_RoleMissingFromTheRoleListWithAllowUnknownRole_GrantsWithAWarning()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());

        var result = await h.RunOneAsync(ChangeParser.Grant($"account:{Account}:Adminn", "user", Grace), o => o with { AllowUnknownRole = true });

        Assert.Equal(ProvisioningOutcome.Granted, result.Outcome);
        Assert.Contains(result.Warnings, w => w.Contains("Role Adminn is not in the AWS role list", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Revoke_RoleMissingFromTheRoleList_IsNotRefused()
    {
        var state = OrgFixture.Demo().ToState();
        await using var h = await ProvisioningHarness.StartAsync(state);

        var result = await h.RunOneAsync(ChangeParser.Revoke($"account:{Account}:Retired:user:{Heidi}"));

        Assert.Equal(ProvisioningOutcome.AlreadyRevoked, result.Outcome);
    }

    [Fact]
    public async Task Grant_RoleInGroupMappingMode_IsRefusedNamingTheGroupsFromTheSyncFile()
    {
        var state = OrgGenerator.Generate(OrgShape.Small with { Mode = OktaSimulator.Fixtures.AwsAppMode.GroupMapping });
        await using var h = await ProvisioningHarness.StartAsync(state);
        await h.Sync.SyncAsync();
        var mapped = h.Sync.AccessRows()[0];

        var withFile = await h.RunOneAsync(ChangeParser.Grant($"account:{mapped.AccountId}:{mapped.Role}", "user", "00unobody"), o => o with { SyncFilePath = h.Sync.FilePath });
        var withoutFile = await h.RunOneAsync(ChangeParser.Grant($"account:{mapped.AccountId}:{mapped.Role}", "user", "00unobody"));

        Assert.Equal(ProvisioningOutcome.Failed, withFile.Outcome);
        Assert.Contains("uses group mapping", withFile.Error, StringComparison.Ordinal);
        Assert.Contains($"{mapped.Source}:member", withFile.Error, StringComparison.Ordinal);
        Assert.Contains("pass --file with a recent sync file", withoutFile.Error, StringComparison.Ordinal);
        Assert.Equal(0, h.Writes);
    }

    [Fact]
    public async Task DryRun_ChangesNeedingWrites_MakesNoWritesAndListsTheCallsWithBodies()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());

        var results = await h.RunAsync(
            [
                ChangeParser.Grant($"group:{Admins}:member", "user", Grace, 1),
                ChangeParser.Grant($"account:{Account}:PowerUser", "group", Developers, 2),
                ChangeParser.Grant($"account:{Account}:PowerUser", "user", Grace, 3),
                ChangeParser.Grant($"group:{Admins}:member", "user", Bob, 4),
            ],
            o => o with { DryRun = true });

        Assert.Equal(0, h.Writes);
        Assert.NotEmpty(h.Simulator.Requests.Entries);
        Assert.Equal([ProvisioningOutcome.Planned, ProvisioningOutcome.Planned, ProvisioningOutcome.Planned, ProvisioningOutcome.AlreadyGranted], results.Select(r => r.Outcome));
        Assert.Equal(new OktaWrite("PUT", $"/api/v1/groups/{Admins}/users/{Grace}", null), results[0].Writes.Single());
        Assert.Equal(new OktaWrite("PATCH", $"/api/v1/apps/{h.AppId}/groups/{Developers}", """[{"op":"replace","path":"/profile/samlRoles","value":["Developer","ReadOnly","PowerUser"]}]"""), results[1].Writes.Single());
        Assert.Equal(new OktaWrite("POST", $"/api/v1/apps/{h.AppId}/users", $$$"""{"id":"{{{Grace}}}","scope":"USER","profile":{"samlRoles":["PowerUser"]}}"""), results[2].Writes.Single());
        Assert.Empty(h.Audit.Events);
    }

    [Fact]
    public async Task Batch_WithAnUnreadableLine_AppliesNothing()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());
        using var temp = new TempDirectory();
        var file = temp.File("changes.csv");
        await File.WriteAllLinesAsync(file,
        [
            "action,entitlement,principal_type,principal",
            $"grant,group:{Admins}:member,user,{Grace}",
            $"grant,group:{Admins}:membr,user,{Grace}",
            $"revoke,group:{Developers}:member,user,{Carol}",
        ]);

        var (changes, unreadable, _) = ChangeParser.ReadFile(file, ChangeAction.Grant);
        var results = await h.RunAsync(changes, unreadable: unreadable);

        Assert.Equal([2, 3, 4], results.Select(r => r.Line));
        Assert.All(results, r => Assert.Equal(ProvisioningOutcome.Failed, r.Outcome));
        Assert.Contains("is not an entitlement id", results[1].Error, StringComparison.Ordinal);
        Assert.Equal("not applied: line 3 failed validation, so nothing was changed", results[0].Error);
        Assert.Empty(h.Simulator.Requests.Entries);
    }

    [Fact]
    public async Task Batch_WithALineThatFailsValidationAgainstOkta_AppliesNothing()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());

        var results = await h.RunAsync(
        [
            ChangeParser.Grant($"group:{Admins}:member", "user", Grace, 1),
            ChangeParser.Grant("group:00gdemoadfinance0006:member", "user", Grace, 2),
        ]);

        Assert.All(results, r => Assert.Equal(ProvisioningOutcome.Failed, r.Outcome));
        Assert.Contains("APP_GROUP", results[1].Error, StringComparison.Ordinal);
        Assert.Equal(0, h.Writes);
        Assert.False(h.State.IsMember(Admins, Grace));
    }

    [Fact]
    public async Task Batch_WhenAnEarlierLineChangesWhatALaterOneFound_TheLaterOneIsDecidedAfreshAndFailsLoudly()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());

        // Planned while Grace had no app assignment; by the time it runs, line 1 made her group-scoped.
        var results = await h.RunAsync(
        [
            ChangeParser.Grant($"group:{Admins}:member", "user", Grace, 1),
            ChangeParser.Grant($"account:{Account}:PowerUser", "user", Grace, 2),
        ]);

        Assert.Equal([ProvisioningOutcome.Granted, ProvisioningOutcome.Failed], results.Select(r => r.Outcome));
        Assert.Contains("would convert that into a direct assignment", results[1].Error, StringComparison.Ordinal);
        Assert.False(h.State.Apps[h.AppId].DirectAssignments.ContainsKey(Grace));
    }

    [Fact]
    public async Task Batch_WhenAWriteFailsMidway_ReportsEachLineAndAppliesTheOthersInOrder()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());
        h.Simulator.Faults.Install(new FaultPlan { ServerErrorEvery = 1, PathPrefix = $"/api/v1/groups/{Developers}/users/" });

        var results = await h.RunAsync(
            [
                ChangeParser.Grant($"group:{Admins}:member", "user", Grace, 1),
                ChangeParser.Grant($"group:{Developers}:member", "user", Grace, 2),
                ChangeParser.Revoke($"account:{Account}:ReadOnly:user:{Heidi}", 3),
            ],
            clientOptions: Sync.SyncHarness.FastRetries with { MaxRetries = 1 });

        // A 500 after the retries: Okta may or may not have made the change, so it is not reported as simply failed.
        Assert.Equal([ProvisioningOutcome.Granted, ProvisioningOutcome.OutcomeUnknown, ProvisioningOutcome.Revoked], results.Select(r => r.Outcome));
        Assert.Contains($"Okta answered 500 E0000009 to PUT /api/v1/groups/{Developers}/users/{Grace}", results[1].Error, StringComparison.Ordinal);
        Assert.Contains("Okta may or may not have made the change", results[1].Error, StringComparison.Ordinal);
        Assert.True(h.State.IsMember(Admins, Grace));
        Assert.False(h.State.IsMember(Developers, Grace));
        var unknown = Assert.Single(h.Audit.Events, e => e.Result == "outcome-unknown");
        Assert.Equal(("PUT", $"/api/v1/groups/{Developers}/users/{Grace}"), (unknown.Method, unknown.Path));
        Assert.NotNull(unknown.Error);
    }
}
