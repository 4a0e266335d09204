using BatonOktaAws.Core.Provisioning;
using OktaSimulator.Fixtures;
using OktaSimulator.Model;

namespace BatonOktaAws.Core.Tests.Provisioning;

/// <summary>
/// The profile's default <c>role</c> (used when samlRoles is empty) in grant and revoke: a change never switches it on
/// or off behind the reviewer's back, and a role held only as the default role is never reported as already revoked.
/// </summary>
public sealed class DefaultRoleProvisioningTests
{
    private const string Account = "123456789012";
    private const string Production = "0oademoaws0000000001";
    private const string Alice = "00udemoalice00000001";
    private const string Heidi = "00udemoheidi00000008";
    private const string Auditors = "00gdemoawsaudit00003";

    [Fact]
    public async Task Revoke_LastSamlRoleOfAProfileWithADefaultRole_IsRefusedAndChangesNothing()
    {
        var state = OrgFixture.Demo().ToState();
        state.Apps[Production].DirectAssignments[Alice].Profile["role"] = "Admin";
        await using var h = await ProvisioningHarness.StartAsync(state);
        var before = await h.SyncedAccessOfAllAppsAsync();

        var result = await h.RunOneAsync(ChangeParser.Revoke($"account:{Account}:Billing:user:{Alice}"));

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        Assert.Contains("Okta would then give its default role Admin (profile.role) instead", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, h.Writes);
        Assert.Equal(before, await h.SyncedAccessOfAllAppsAsync());
    }

    [Fact]
    public async Task Revoke_RoleHeldOnlyAsTheDefaultRole_IsRefusedNotReportedAsAlreadyRevoked()
    {
        var state = OrgFixture.Demo().ToState();
        state.Apps[Production].GroupAssignments[Auditors].Profile = new System.Text.Json.Nodes.JsonObject { ["role"] = "Auditor" };
        await using var h = await ProvisioningHarness.StartAsync(state);
        Assert.Contains(await h.SyncedAccessOfAllAppsAsync(), r => r.Role == "Auditor" && r.Source == $"group:{Auditors}");

        var result = await h.RunOneAsync(ChangeParser.Revoke($"account:{Account}:Auditor:group:{Auditors}"));

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        Assert.Contains("Auditor comes from its default role (profile.role), not from samlRoles", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, h.Writes);
    }

    [Fact]
    public async Task Grant_SamlRoleToAProfileWithOnlyADefaultRole_KeepsTheDefaultRoleAsASamlRole()
    {
        var state = OrgFixture.Demo().ToState();
        state.Apps[Production].DirectAssignments[Heidi].Profile = new System.Text.Json.Nodes.JsonObject { ["role"] = "ReadOnly" };
        await using var h = await ProvisioningHarness.StartAsync(state);
        var before = await h.SyncedAccessOfAllAppsAsync();

        var already = await h.RunOneAsync(ChangeParser.Grant($"account:{Account}:ReadOnly", "user", Heidi));
        var result = await h.RunOneAsync(ChangeParser.Grant($"account:{Account}:PowerUser", "user", Heidi));

        Assert.Equal(ProvisioningOutcome.AlreadyGranted, already.Outcome);
        Assert.Equal(ProvisioningOutcome.Granted, result.Outcome);
        Assert.Contains(result.Warnings, w => w.Contains("ReadOnly is kept as a samlRole", StringComparison.Ordinal));
        Assert.Equal(["PowerUser", "ReadOnly"], SamlRoles.Read(h.State.Apps[Production].DirectAssignments[Heidi].Profile).Order(StringComparer.Ordinal));
        var after = await h.SyncedAccessOfAllAppsAsync();
        Assert.Equal(["PowerUser"], after.Except(before).Select(r => r.Role));
        Assert.Empty(before.Except(after));
    }
}
