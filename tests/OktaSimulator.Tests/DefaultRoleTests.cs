using System.Text.Json;

namespace OktaSimulator.Tests;

/// <summary>The AWS app's single-valued <c>role</c> beside the multi-valued <c>samlRoles</c>.</summary>
public sealed class DefaultRoleTests
{
    private const string Both = "00uroleboth000000001";
    private const string Direct = "00uroledirect0000002";
    private const string NoRole = "00urolenorole0000003";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetAppUser_DirectAssignmentWithRole_ShowsItsOwnRoleAndSamlRoles(bool union)
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.DefaultRoleFixture(union).ToState());

        var appUser = await GetAppUserAsync(sim, Direct);

        Assert.Equal("USER", appUser.GetProperty("scope").GetString());
        Assert.Equal("DirectDefault", appUser.GetProperty("profile").GetProperty("role").GetString());
        Assert.Empty(SamlRoles(appUser));
    }

    [Fact]
    public async Task GetAppUser_InTwoGroupsUnionDisabled_RoleAndSamlRolesComeFromTheWinningGroup()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.DefaultRoleFixture().ToState());

        var appUser = await GetAppUserAsync(sim, Both);

        Assert.Equal("GROUP", appUser.GetProperty("scope").GetString());
        Assert.Equal("HighDefault", appUser.GetProperty("profile").GetProperty("role").GetString());
        Assert.Equal(["High"], SamlRoles(appUser));
    }

    [Fact]
    public async Task GetAppUser_InTwoGroupsUnionEnabled_CombinesSamlRolesButTakesRoleFromTheWinningGroup()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.DefaultRoleFixture(union: true).ToState());

        var appUser = await GetAppUserAsync(sim, Both);

        Assert.Equal("HighDefault", appUser.GetProperty("profile").GetProperty("role").GetString());
        Assert.Equal(["High", "Low"], SamlRoles(appUser));
    }

    [Theory]
    [InlineData(false, new[] { "NoRole" })]
    [InlineData(true, new[] { "NoRole", "Low" })]
    public async Task GetAppUser_WinningGroupSetsNoRole_HasNoRoleEvenThoughALowerGroupHasOne(bool union, string[] samlRoles)
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.DefaultRoleFixture(union).ToState());

        var appUser = await GetAppUserAsync(sim, NoRole);

        Assert.False(appUser.GetProperty("profile").TryGetProperty("role", out _));
        Assert.Equal(samlRoles, SamlRoles(appUser));
    }

    [Fact]
    public async Task ListAppUsers_UnionEnabled_ServesTheSameProfilesAsGetAppUser()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.DefaultRoleFixture(union: true).ToState());

        var (items, _) = await sim.GetAllPagesAsync($"/api/v1/apps/{TestOrgs.RoleAppId}/users");

        var both = items.Single(i => i.GetProperty("id").GetString() == Both);
        Assert.Equal("HighDefault", both.GetProperty("profile").GetProperty("role").GetString());
        Assert.Equal(["High", "Low"], SamlRoles(both));
    }

    [Fact]
    public async Task GetGroupAssignment_WithRole_ServesRoleInTheAssignmentProfile()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.DefaultRoleFixture().ToState());

        using var document = JsonDocument.Parse(await sim.Http.GetStringAsync(new Uri($"/api/v1/apps/{TestOrgs.RoleAppId}/groups/00grolelow0000000003", UriKind.Relative)));

        Assert.Equal("LowDefault", document.RootElement.GetProperty("profile").GetProperty("role").GetString());
    }

    [Theory]
    [InlineData(false, "DISABLE")]
    [InlineData(true, "ENABLE")]
    public async Task GetAppUserSchema_AwsApp_DeclaresRoleAsStringWithTheRoleListAndSamlRolesAsArrayWithUnion(bool union, string expectedUnion)
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.DefaultRoleFixture(union).ToState());

        using var schema = JsonDocument.Parse(await sim.Http.GetStringAsync(new Uri($"/api/v1/meta/schemas/apps/{TestOrgs.RoleAppId}/default", UriKind.Relative)));

        var properties = schema.RootElement.GetProperty("definitions").GetProperty("base").GetProperty("properties");
        var role = properties.GetProperty("role");
        Assert.Equal("string", role.GetProperty("type").GetString());
        Assert.Equal(["DirectDefault", "HighDefault", "LowDefault", "High", "Low", "NoRole"], Strings(role.GetProperty("enum")));
        Assert.False(role.TryGetProperty("union", out _));
        var samlRoles = properties.GetProperty("samlRoles");
        Assert.Equal("array", samlRoles.GetProperty("type").GetString());
        Assert.Equal(["High", "Low", "NoRole"], Strings(samlRoles.GetProperty("items").GetProperty("enum")));
        Assert.Equal(expectedUnion, samlRoles.GetProperty("union").GetString());
    }

    [Fact]
    public async Task GetAppUserSchema_NoRoleList_DeclaresRoleWithoutEnum()
    {
        var fixture = TestOrgs.DefaultRoleFixture();
        fixture.Apps[0].RoleList = null;
        await using var sim = await SimulatorSession.StartAsync(fixture.ToState());

        using var schema = JsonDocument.Parse(await sim.Http.GetStringAsync(new Uri($"/api/v1/meta/schemas/apps/{TestOrgs.RoleAppId}/default", UriKind.Relative)));

        var role = schema.RootElement.GetProperty("definitions").GetProperty("base").GetProperty("properties").GetProperty("role");
        Assert.Equal("string", role.GetProperty("type").GetString());
        Assert.False(role.TryGetProperty("enum", out _));
    }

    [Fact]
    public async Task GetAppUserSchema_NonAwsApp_DeclaresNeitherRoleNorSamlRoles()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.MultiAppFixture().ToState());

        using var schema = JsonDocument.Parse(await sim.Http.GetStringAsync(new Uri($"/api/v1/meta/schemas/apps/{TestOrgs.WikiAppId}/default", UriKind.Relative)));

        var properties = schema.RootElement.GetProperty("definitions").GetProperty("base").GetProperty("properties");
        Assert.False(properties.TryGetProperty("role", out _));
        Assert.False(properties.TryGetProperty("samlRoles", out _));
    }

    private static async Task<JsonElement> GetAppUserAsync(SimulatorSession sim, string userId)
    {
        using var response = await sim.Http.GetAsync(new Uri($"/api/v1/apps/{TestOrgs.RoleAppId}/users/{userId}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static string[] SamlRoles(JsonElement appUser) => Strings(appUser.GetProperty("profile").GetProperty("samlRoles"));

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(r => r.GetString()!)];
}
