using System.Net;
using System.Text.Json;
using OktaSimulator.Fixtures;

namespace OktaSimulator.Tests;

/// <summary>APP_GROUP groups imported from an app: <c>_links.source</c>, <c>expand=app|stats</c>, <c>search=source.id</c>.</summary>
public sealed class GroupSourceTests
{
    private const string OktaGroupId = "00gtestmulti00000001";

    [Fact]
    public async Task ListGroups_AppGroupWithSource_LinksTheSourceAppAndOktaGroupsDoNot()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.MultiAppFixture().ToState());

        var (items, _) = await sim.GetAllPagesAsync("/api/v1/groups");

        var adGroup = Group(items, TestOrgs.AdGroupId);
        Assert.Equal("APP_GROUP", adGroup.GetProperty("type").GetString());
        Assert.Equal($"{sim.Server.BaseAddress.ToString().TrimEnd('/')}/api/v1/apps/{TestOrgs.DirectoryAppId}", adGroup.GetProperty("_links").GetProperty("source").GetProperty("href").GetString());
        Assert.False(Group(items, OktaGroupId).GetProperty("_links").TryGetProperty("source", out _));
        Assert.All(items, g => Assert.False(g.TryGetProperty("_embedded", out _)));
    }

    [Fact]
    public async Task ListGroups_ExpandApp_EmbedsTheSourceAppOnlyForAppGroups()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.MultiAppFixture().ToState());

        var (items, _) = await sim.GetAllPagesAsync("/api/v1/groups?expand=app");

        var app = Group(items, TestOrgs.AdGroupId).GetProperty("_embedded").GetProperty("app");
        Assert.Equal(TestOrgs.DirectoryAppId, app.GetProperty("id").GetString());
        Assert.Equal("active_directory", app.GetProperty("name").GetString());
        Assert.Equal("corp.example.com", app.GetProperty("label").GetString());
        Assert.Equal("BOOKMARK", app.GetProperty("signOnMode").GetString());
        Assert.False(Group(items, TestOrgs.AdGroupId).GetProperty("_embedded").TryGetProperty("stats", out _));
        Assert.False(Group(items, OktaGroupId).TryGetProperty("_embedded", out _));
    }

    [Fact]
    public async Task ListGroups_ExpandStats_EmbedsMemberAndAppCounts()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.MultiAppFixture().ToState());

        var (items, _) = await sim.GetAllPagesAsync("/api/v1/groups?expand=stats");

        var stats = Group(items, TestOrgs.AdGroupId).GetProperty("_embedded").GetProperty("stats");
        Assert.Equal(2, stats.GetProperty("usersCount").GetInt32());
        Assert.Equal(2, stats.GetProperty("appsCount").GetInt32());
        Assert.Equal(1, Group(items, OktaGroupId).GetProperty("_embedded").GetProperty("stats").GetProperty("usersCount").GetInt32());
        Assert.False(Group(items, TestOrgs.AdGroupId).GetProperty("_embedded").TryGetProperty("app", out _));
    }

    [Theory]
    [InlineData("expand=stats,app")]
    [InlineData("expand=app%2Cstats")]
    [InlineData("expand=stats&expand=app")]
    public async Task ListGroups_ExpandStatsAndApp_EmbedsBoth(string query)
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.MultiAppFixture().ToState());

        var (items, _) = await sim.GetAllPagesAsync("/api/v1/groups?" + query);

        var embedded = Group(items, TestOrgs.AdGroupId).GetProperty("_embedded");
        Assert.Equal(2, embedded.GetProperty("stats").GetProperty("usersCount").GetInt32());
        Assert.Equal(TestOrgs.DirectoryAppId, embedded.GetProperty("app").GetProperty("id").GetString());
    }

    [Fact]
    public async Task GetGroup_ExpandStatsAndApp_EmbedsBoth()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.MultiAppFixture().ToState());

        using var group = JsonDocument.Parse(await sim.Http.GetStringAsync(new Uri($"/api/v1/groups/{TestOrgs.AdGroupId}?expand=stats,app", UriKind.Relative)));

        var embedded = group.RootElement.GetProperty("_embedded");
        Assert.Equal(2, embedded.GetProperty("stats").GetProperty("usersCount").GetInt32());
        Assert.Equal("active_directory", embedded.GetProperty("app").GetProperty("name").GetString());
    }

    [Fact]
    public async Task ListGroups_SearchSourceId_ReturnsOnlyGroupsImportedFromThatApp()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.MultiAppFixture().ToState());

        var (fromDirectory, _) = await sim.GetAllPagesAsync("/api/v1/groups?search=" + Uri.EscapeDataString($"source.id eq \"{TestOrgs.DirectoryAppId}\""));
        var (fromWiki, _) = await sim.GetAllPagesAsync("/api/v1/groups?search=" + Uri.EscapeDataString($"source.id eq \"{TestOrgs.WikiAppId}\""));
        var (appGroupsFromDirectory, _) = await sim.GetAllPagesAsync("/api/v1/groups?search=" + Uri.EscapeDataString($"type eq \"APP_GROUP\" and source.id eq \"{TestOrgs.DirectoryAppId}\""));

        Assert.Equal([TestOrgs.AdGroupId], fromDirectory.Select(g => g.GetProperty("id").GetString()));
        Assert.Empty(fromWiki);
        Assert.Equal([TestOrgs.AdGroupId], appGroupsFromDirectory.Select(g => g.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task ListGroups_FilterOnSourceId_Returns400BecauseOnlySearchReachesTheSource()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.MultiAppFixture().ToState());

        using var response = await sim.Http.GetAsync(new Uri("/api/v1/groups?filter=" + Uri.EscapeDataString($"source.id eq \"{TestOrgs.DirectoryAppId}\""), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ListAppGroups_ExpandGroup_EmbeddedAppGroupCarriesTheSourceLink()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.MultiAppFixture().ToState());

        var (items, _) = await sim.GetAllPagesAsync($"/api/v1/apps/{TestOrgs.ProductionAppId}/groups?expand=group");

        var embedded = items.Single(a => a.GetProperty("id").GetString() == TestOrgs.AdGroupId).GetProperty("_embedded").GetProperty("group");
        Assert.EndsWith($"/api/v1/apps/{TestOrgs.DirectoryAppId}", embedded.GetProperty("_links").GetProperty("source").GetProperty("href").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToState_SourceAppUnknown_FailsNamingGroupAndApp()
    {
        var fixture = TestOrgs.MultiAppFixture();
        fixture.Groups[1].SourceAppId = "0oanosuchapp00000000";

        var error = Assert.Throws<InvalidDataException>(() => fixture.ToState());

        Assert.Contains(TestOrgs.AdGroupId, error.Message, StringComparison.Ordinal);
        Assert.Contains("0oanosuchapp00000000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToState_SourceAppOnAnOktaGroup_FailsNamingTheGroup()
    {
        var fixture = TestOrgs.MultiAppFixture();
        fixture.Groups.Add(new FixtureGroup { Id = "00gtestwrongtype0003", Name = "wrong", Type = "OKTA_GROUP", SourceAppId = TestOrgs.DirectoryAppId });

        var error = Assert.Throws<InvalidDataException>(() => fixture.ToState());

        Assert.Contains("00gtestwrongtype0003", error.Message, StringComparison.Ordinal);
    }

    private static JsonElement Group(List<JsonElement> items, string id) => items.Single(g => g.GetProperty("id").GetString() == id);
}
