using System.Text.Json;

namespace OktaSimulator.Tests;

public sealed class DerivedAppUserTests
{
    private const string Both = "00utestboth000000001";
    private const string Low = "00utestlow0000000002";
    private const string Direct = "00utestdirect0000003";
    private const string None = "00utestnone000000004";

    [Fact]
    public async Task GetAppUser_InTwoAssignedGroups_TakesProfileOfLowestPriorityNumber()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.PriorityFixture().ToState());

        var appUser = await GetAppUserAsync(sim, Both);

        Assert.Equal("GROUP", appUser.GetProperty("scope").GetString());
        Assert.Equal(["High"], Roles(appUser));
    }

    [Fact]
    public async Task GetAppUser_UnionEnabled_MergesRolesOfAllAssignedGroupsInPriorityOrder()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.PriorityFixture(union: true).ToState());

        var appUser = await GetAppUserAsync(sim, Both);

        Assert.Equal("GROUP", appUser.GetProperty("scope").GetString());
        Assert.Equal(["High", "Low"], Roles(appUser));
    }

    [Fact]
    public async Task GetAppUser_DirectAndInAssignedGroup_DirectAssignmentWins()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.PriorityFixture(union: true).ToState());

        var appUser = await GetAppUserAsync(sim, Direct);

        Assert.Equal("USER", appUser.GetProperty("scope").GetString());
        Assert.Equal(["Direct"], Roles(appUser));
    }

    [Fact]
    public async Task ListAppUsers_ExpandUser_EmbedsTheUserAndListsOnlyAssignedUsers()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.PriorityFixture().ToState());

        var (items, _) = await sim.GetAllPagesAsync($"/api/v1/apps/{TestOrgs.AppId}/users?expand=user");

        var ids = items.Select(i => i.GetProperty("id").GetString()!).ToArray();
        Assert.Equal([Both, Direct, Low], ids);
        Assert.All(items, i => Assert.Equal(i.GetProperty("id").GetString(), i.GetProperty("_embedded").GetProperty("user").GetProperty("id").GetString()));
        Assert.DoesNotContain(items, i => i.GetProperty("id").GetString() == None);
    }

    [Fact]
    public async Task AddMember_ToAssignedGroup_ShowsUpAsGroupScopedAppUserAtOnce()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.PriorityFixture().ToState());
        Assert.Equal(404, (int)(await sim.Http.GetAsync(new Uri($"/api/v1/apps/{TestOrgs.AppId}/users/{None}", UriKind.Relative))).StatusCode);

        using var put = await sim.Http.PutAsync(new Uri($"/api/v1/groups/00gtestother00000003/users/{None}", UriKind.Relative), null);
        var appUser = await GetAppUserAsync(sim, None);

        Assert.Equal(204, (int)put.StatusCode);
        Assert.Equal("GROUP", appUser.GetProperty("scope").GetString());
        Assert.Equal(["Other"], Roles(appUser));
    }

    [Fact]
    public async Task RemoveMember_FromHigherPriorityGroup_FallsBackToNextAssignedGroup()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.PriorityFixture().ToState());

        using var delete = await sim.Http.DeleteAsync(new Uri($"/api/v1/groups/00gtesthigh000000001/users/{Both}", UriKind.Relative));
        var appUser = await GetAppUserAsync(sim, Both);

        Assert.Equal(204, (int)delete.StatusCode);
        Assert.Equal(["Low"], Roles(appUser));
    }

    private static async Task<JsonElement> GetAppUserAsync(SimulatorSession sim, string userId)
    {
        using var response = await sim.Http.GetAsync(new Uri($"/api/v1/apps/{TestOrgs.AppId}/users/{userId}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static string[] Roles(JsonElement appUser) =>
        [.. appUser.GetProperty("profile").GetProperty("samlRoles").EnumerateArray().Select(r => r.GetString()!)];
}
