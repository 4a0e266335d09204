using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OktaSimulator.Model;

namespace OktaSimulator.Tests;

public sealed class ProvisioningEndpointTests : IAsyncLifetime
{
    private const string Both = "00utestboth000000001";
    private const string Low = "00utestlow0000000002";
    private const string Direct = "00utestdirect0000003";
    private const string None = "00utestnone000000004";
    private const string High = "00gtesthigh000000001";
    private const string Other = "00gtestother00000003";
    private const string Unassigned = "00gtestunassigned004";

    private SimulatorSession _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorSession.StartAsync(TestOrgs.PriorityFixture().ToState());

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task PutGroupMember_NewAndExisting_AddsOnceAndAnswers204BothTimes()
    {
        using var first = await _sim.Http.PutAsync(Url($"/api/v1/groups/{Unassigned}/users/{Low}"), null);
        using var second = await _sim.Http.PutAsync(Url($"/api/v1/groups/{Unassigned}/users/{Low}"), null);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.True(_sim.State.IsMember(Unassigned, Low));
        Assert.Equal(2, _sim.State.Groups[Unassigned].Members.Count);
    }

    [Fact]
    public async Task DeleteGroupMember_Member_RemovesIt()
    {
        using var response = await _sim.Http.DeleteAsync(Url($"/api/v1/groups/{Unassigned}/users/{None}"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(_sim.State.IsMember(Unassigned, None));
    }

    [Fact]
    public async Task PutGroupMember_AppGroup_Returns403AndChangesNothing()
    {
        using var response = await _sim.Http.PutAsync(Url($"/api/v1/groups/00gtestappgroup00005/users/{Low}"), null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(_sim.State.IsMember("00gtestappgroup00005", Low));
    }

    [Fact]
    public async Task PostAppUser_GroupScopedUser_ConvertsToDirectKeepingTheProfileItHad()
    {
        using var response = await _sim.Http.PostAsJsonAsync(Url($"/api/v1/apps/{TestOrgs.AppId}/users"), new { id = Both, scope = "USER", profile = new { note = "converted" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var app = _sim.State.Apps[TestOrgs.AppId];
        var appUser = _sim.State.DeriveAppUser(app, Both)!;
        Assert.Equal("USER", appUser.Scope);
        Assert.Equal(["High"], SamlRoles.Read(appUser.Profile));
        Assert.Equal("converted", appUser.Profile["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostAppUser_UnassignedUser_CreatesDirectAssignmentWithTheGivenRoles()
    {
        using var response = await _sim.Http.PostAsJsonAsync(Url($"/api/v1/apps/{TestOrgs.AppId}/users"), new { id = None, scope = "USER", profile = new { samlRoles = new[] { "Low" } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("USER", body.RootElement.GetProperty("scope").GetString());
        Assert.Equal(["Low"], SamlRoles.Read(_sim.State.Apps[TestOrgs.AppId].DirectAssignments[None].Profile));
    }

    [Fact]
    public async Task PostAppUserUpdate_DirectUser_ReplacesGivenProfileProperties()
    {
        using var response = await _sim.Http.PostAsJsonAsync(Url($"/api/v1/apps/{TestOrgs.AppId}/users/{Direct}"), new { profile = new { samlRoles = new[] { "Direct", "Other" } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Direct", "Other"], SamlRoles.Read(_sim.State.Apps[TestOrgs.AppId].DirectAssignments[Direct].Profile));
    }

    [Fact]
    public async Task PostAppUserUpdate_GroupScopedUser_Returns400()
    {
        using var response = await _sim.Http.PostAsJsonAsync(Url($"/api/v1/apps/{TestOrgs.AppId}/users/{Both}"), new { profile = new { samlRoles = new[] { "Other" } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["High"], SamlRoles.Read(_sim.State.DeriveAppUser(_sim.State.Apps[TestOrgs.AppId], Both)!.Profile));
    }

    [Fact]
    public async Task DeleteAppUser_DirectUserAlsoInAssignedGroup_BecomesGroupScoped()
    {
        using var response = await _sim.Http.DeleteAsync(Url($"/api/v1/apps/{TestOrgs.AppId}/users/{Direct}"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var appUser = _sim.State.DeriveAppUser(_sim.State.Apps[TestOrgs.AppId], Direct)!;
        Assert.Equal("GROUP", appUser.Scope);
        Assert.Equal(["High"], SamlRoles.Read(appUser.Profile));
    }

    [Fact]
    public async Task DeleteAppUser_GroupScopedUser_Returns400()
    {
        using var response = await _sim.Http.DeleteAsync(Url($"/api/v1/apps/{TestOrgs.AppId}/users/{Low}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PutAppGroup_NewGroup_AssignsItLastWithTheGivenRoles()
    {
        using var response = await _sim.Http.PutAsJsonAsync(Url($"/api/v1/apps/{TestOrgs.AppId}/groups/{Unassigned}"), new { profile = new { samlRoles = new[] { "Other" } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var assignment = _sim.State.Apps[TestOrgs.AppId].GroupAssignments[Unassigned];
        Assert.Equal(6, assignment.Priority);
        Assert.Equal("GROUP", _sim.State.DeriveAppUser(_sim.State.Apps[TestOrgs.AppId], None)!.Scope);
    }

    [Fact]
    public async Task PatchAppGroup_ReplaceSamlRoles_ChangesOnlyTheRoles()
    {
        var patch = """[{"op":"replace","path":"/profile/samlRoles","value":["High","Extra"]}]""";
        using var content = new StringContent(patch, Encoding.UTF8, "application/json");

        using var response = await _sim.Http.PatchAsync(Url($"/api/v1/apps/{TestOrgs.AppId}/groups/{High}"), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var assignment = _sim.State.Apps[TestOrgs.AppId].GroupAssignments[High];
        Assert.Equal(["High", "Extra"], SamlRoles.Read(assignment.Profile));
        Assert.Equal(0, assignment.Priority);
    }

    [Fact]
    public async Task DeleteAppGroup_Assigned_UnassignsAndItsMembersLoseTheApp()
    {
        using var response = await _sim.Http.DeleteAsync(Url($"/api/v1/apps/{TestOrgs.AppId}/groups/{Other}"));
        using var again = await _sim.Http.DeleteAsync(Url($"/api/v1/apps/{TestOrgs.AppId}/groups/{Other}"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.False(_sim.State.Apps[TestOrgs.AppId].GroupAssignments.ContainsKey(Other));
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);
}
