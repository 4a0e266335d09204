using BatonOktaAws.Core.Provisioning;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;
using OktaSimulator.Model;

namespace BatonOktaAws.Core.Tests.Provisioning;

/// <summary>
/// Granting a user a direct role, in every cell of joinAllRoles × samlRoles union × the user's current scope
/// (direct, through groups, not assigned), against the simulator; every cell checks the synced access against
/// the oracle. The demo org: alice is direct [Billing]; carol has the app through AWS Developers (priority 1,
/// [Developer, ReadOnly]) and AWS Auditors (priority 2, [Auditor]); grace is not assigned.
/// </summary>
public sealed class ConversionMatrixTests
{
    private const string Account = "123456789012";
    private const string Alice = "00udemoalice00000001";
    private const string Carol = "00udemocarol00000003";
    private const string Grace = "00udemograce00000007";
    private const string Developers = "00gdemoawsdevs000002";
    private const string Auditors = "00gdemoawsaudit00003";

    public enum Scope
    {
        Direct,
        Group,
        NotAssigned,
    }

    [Theory]
    [InlineData(false, false, Scope.Direct, new[] { "Billing", "PowerUser" }, new string[0])]
    [InlineData(false, true, Scope.Direct, new[] { "Billing", "PowerUser" }, new string[0])]
    [InlineData(true, false, Scope.Direct, new[] { "Billing", "PowerUser" }, new string[0])]
    [InlineData(true, true, Scope.Direct, new[] { "Billing", "PowerUser" }, new string[0])]
    [InlineData(false, false, Scope.NotAssigned, new[] { "PowerUser" }, new string[0])]
    [InlineData(false, true, Scope.NotAssigned, new[] { "PowerUser" }, new string[0])]
    [InlineData(true, false, Scope.NotAssigned, new[] { "PowerUser" }, new string[0])]
    [InlineData(true, true, Scope.NotAssigned, new[] { "PowerUser" }, new string[0])]
    [InlineData(false, false, Scope.Group, new[] { "Developer", "ReadOnly", "PowerUser" }, new[] { "Developer", "ReadOnly" })]
    [InlineData(false, true, Scope.Group, new[] { "Developer", "ReadOnly", "Auditor", "PowerUser" }, new[] { "Developer", "ReadOnly", "Auditor" })]
    [InlineData(true, false, Scope.Group, new[] { "PowerUser" }, new string[0])]
    [InlineData(true, true, Scope.Group, new[] { "PowerUser" }, new string[0])]
    public async Task GrantDirectRole_EachCell_WritesTheExpectedDirectRolesAndNamesEveryRoleMadeDirect(
        bool joinAllRoles, bool union, Scope scope, string[] directRoles, string[] madeDirect)
    {
        var state = OrgFixture.Demo().ToState();
        var app = state.Apps[state.AwsAppId!];
        app.SettingsApp!["joinAllRoles"] = joinAllRoles;
        app.SamlRolesUnion = union;
        await using var h = await ProvisioningHarness.StartAsync(state);
        var user = scope switch { Scope.Direct => Alice, Scope.Group => Carol, _ => Grace };
        var before = (await h.SyncedAccessAsync()).Where(r => r.UserId == user).ToList();
        var change = ChangeParser.Grant($"account:{Account}:PowerUser", "user", user);

        var planned = Assert.Single(await h.RunAsync([change], o => o with { AllowGroupToDirectConversion = true, DryRun = true }));
        var result = await h.RunOneAsync(change, o => o with { AllowGroupToDirectConversion = true });

        Assert.Equal(ProvisioningOutcome.Planned, planned.Outcome);
        Assert.True(result.Outcome == ProvisioningOutcome.Granted, result.Error);
        Assert.Equal(directRoles, SamlRoles.Read(app.DirectAssignments[user].Profile));
        Assert.Equal(madeDirect, result.RolesMadeDirect.Select(r => r.Role));
        Assert.Equal(madeDirect, planned.RolesMadeDirect.Select(r => r.Role));
        Assert.Equal(madeDirect, Assert.Single(h.Audit.Events).RolesMadeDirect.Select(r => r.Role));
        Assert.All(result.RolesMadeDirect, r => Assert.Equal(r.Role == "Auditor" ? Auditors : Developers, Assert.Single(r.Groups).Id));

        // Nobody loses a role by the grant, and the user gains exactly PowerUser (the oracle checks the whole org).
        var after = (await h.SyncedAccessAsync()).Where(r => r.UserId == user).ToList();
        Assert.Equal(
            before.Select(r => r.Role).Append("PowerUser").Distinct().Order(),
            after.Select(r => r.Role).Distinct().Order());
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task ConvertedUser_WhenTheGroupGainsARoleLater_GetsItOnlyWithJoinAllRoles(bool joinAllRoles, bool expectsNewRole)
    {
        var state = OrgFixture.Demo().ToState();
        state.Apps[state.AwsAppId!].SettingsApp!["joinAllRoles"] = joinAllRoles;
        await using var h = await ProvisioningHarness.StartAsync(state);
        await h.RunOneAsync(ChangeParser.Grant($"account:{Account}:PowerUser", "user", Carol), o => o with { AllowGroupToDirectConversion = true });

        var groupGrant = await h.RunOneAsync(ChangeParser.Grant($"account:{Account}:Billing", "group", Developers));

        Assert.Equal(ProvisioningOutcome.Granted, groupGrant.Outcome);
        var carol = (await h.SyncedAccessAsync()).Where(r => r.UserId == Carol).Select(r => r.Role).ToList();
        Assert.Equal(expectsNewRole, carol.Contains("Billing"));
    }

    [Theory]
    [InlineData(false, "because joinAllRoles is off, a direct assignment hides their groups' roles, so [Developer, ReadOnly] would be copied into it")]
    [InlineData(true, "the direct assignment would hold only PowerUser; their groups' roles keep reaching them because joinAllRoles is on")]
    public async Task GrantDirectRole_GroupScopedWithoutTheFlag_RefusesSayingWhatTheConversionWouldDo(bool joinAllRoles, string expected)
    {
        var state = OrgFixture.Demo().ToState();
        state.Apps[state.AwsAppId!].SettingsApp!["joinAllRoles"] = joinAllRoles;
        await using var h = await ProvisioningHarness.StartAsync(state);

        var result = await h.RunOneAsync(ChangeParser.Grant($"account:{Account}:PowerUser", "user", Carol));

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Equal(0, h.Writes);
    }
}
