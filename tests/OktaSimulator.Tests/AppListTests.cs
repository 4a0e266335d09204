using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OktaSimulator.Http;

namespace OktaSimulator.Tests;

public sealed class AppListTests
{
    [Fact]
    public async Task ListApps_NoFilter_ReturnsActiveAndInactiveAppsOfEveryNameOnce()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.MultiAppFixture().ToState());

        var (items, pages) = await sim.GetAllPagesAsync("/api/v1/apps");

        Assert.Equal(1, pages);
        Assert.Equal(
            [TestOrgs.DirectoryAppId, TestOrgs.ProductionAppId, TestOrgs.SandboxAppId, TestOrgs.StagingAppId, TestOrgs.WikiAppId],
            Ids(items));
        Assert.Equal("INACTIVE", items.Single(i => i.GetProperty("id").GetString() == TestOrgs.StagingAppId).GetProperty("status").GetString());
        Assert.Equal("active_directory", items.Single(i => i.GetProperty("id").GetString() == TestOrgs.DirectoryAppId).GetProperty("name").GetString());
    }

    [Fact]
    public async Task ListApps_EachItem_IsTheSameApplicationObjectAsGetApp()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.MultiAppFixture().ToState());

        var (items, _) = await sim.GetAllPagesAsync("/api/v1/apps");

        foreach (var item in items)
        {
            var single = JsonNode.Parse(await sim.Http.GetStringAsync(new Uri($"/api/v1/apps/{item.GetProperty("id").GetString()}", UriKind.Relative)));
            Assert.True(JsonNode.DeepEquals(single, JsonNode.Parse(item.GetRawText())), $"app {item.GetProperty("id")} differs between list and get");
        }

        var production = items.Single(i => i.GetProperty("id").GetString() == TestOrgs.ProductionAppId);
        Assert.Equal("arn:aws:iam::111111111111:saml-provider/Okta", production.GetProperty("settings").GetProperty("app").GetProperty("identityProviderArn").GetString());
    }

    [Fact]
    public async Task ListApps_NoLimit_ServesTwentyPerPageWithSelfAndNextLinks()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.AppsOnly(45).ToState());

        using var first = await sim.Http.GetAsync(new Uri("/api/v1/apps", UriKind.Relative));
        var (items, pages) = await sim.GetAllPagesAsync("/api/v1/apps");

        using var firstPage = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.Equal(20, firstPage.RootElement.GetArrayLength());
        Assert.Contains(first.Headers.GetValues("Link"), l => l.EndsWith("rel=\"self\"", StringComparison.Ordinal));
        Assert.Contains("after=0oapaging00000000019", SimulatorSession.NextLink(first), StringComparison.Ordinal);
        Assert.Equal(3, pages);
        Assert.Equal(45, items.Count);
        Assert.Equal(45, Ids(items).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("limit=-1", 20)]
    [InlineData("limit=7", 7)]
    [InlineData("limit=500", 200)]
    public async Task ListApps_Limit_IsHonouredUpTo200AndMinusOneMeansTheDefault(string query, int expectedPageSize)
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.AppsOnly(250).ToState());

        using var response = await sim.Http.GetAsync(new Uri("/api/v1/apps?" + query, UriKind.Relative));
        var (items, _) = await sim.GetAllPagesAsync("/api/v1/apps?" + query);

        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(expectedPageSize, page.RootElement.GetArrayLength());
        Assert.Equal(250, items.Count);
    }

    [Theory]
    [InlineData("name eq \"amazon_aws\" and status eq \"ACTIVE\"", new[] { TestOrgs.ProductionAppId, TestOrgs.SandboxAppId })]
    [InlineData("status eq \"INACTIVE\"", new[] { TestOrgs.StagingAppId })]
    [InlineData("id eq \"0oatestad00000000004\" or name eq \"bookmark\"", new[] { TestOrgs.DirectoryAppId, TestOrgs.WikiAppId })]
    [InlineData("name eq \"amazon_aws\" and (status eq \"INACTIVE\" or id eq \"0oatestawsprod000001\")", new[] { TestOrgs.ProductionAppId, TestOrgs.StagingAppId })]
    public async Task ListApps_Filter_ReturnsOnlyMatchingApps(string filter, string[] expected)
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.MultiAppFixture().ToState());

        var (items, _) = await sim.GetAllPagesAsync("/api/v1/apps?filter=" + Uri.EscapeDataString(filter));

        Assert.Equal(expected, Ids(items));
    }

    [Theory]
    [InlineData("name sw \"amazon\"")]
    [InlineData("label eq \"AWS Production\"")]
    [InlineData("name eq amazon_aws")]
    public async Task ListApps_FilterOutsideTheContract_Returns400WithOktaError(string filter)
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.MultiAppFixture().ToState());

        using var response = await sim.Http.GetAsync(new Uri("/api/v1/apps?filter=" + Uri.EscapeDataString(filter), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("E0000031", body.RootElement.GetProperty("errorCode").GetString());
    }

    [Theory]
    [InlineData("aws", new[] { TestOrgs.ProductionAppId, TestOrgs.StagingAppId })]
    [InlineData("amazon", new[] { TestOrgs.ProductionAppId, TestOrgs.SandboxAppId, TestOrgs.StagingAppId })]
    [InlineData("Sandbox", new[] { TestOrgs.SandboxAppId })]
    [InlineData("corp", new[] { TestOrgs.DirectoryAppId })]
    [InlineData("wiki", new string[0])]
    public async Task ListApps_Q_MatchesStartOfNameOrLabel(string q, string[] expected)
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.MultiAppFixture().ToState());

        var (items, _) = await sim.GetAllPagesAsync("/api/v1/apps?q=" + Uri.EscapeDataString(q));

        Assert.Equal(expected, Ids(items));
    }

    [Fact]
    public async Task ListApps_AnyRequest_CountsAgainstTheAppsBucket()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.MultiAppFixture().ToState());

        using var response = await sim.Http.GetAsync(new Uri("/api/v1/apps?limit=2", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        var entry = Assert.Single(sim.Server.Requests.Entries);
        Assert.Equal(RateLimitBucket.Apps, entry.Bucket);
        Assert.Equal("GET /api/v1/apps", entry.EndpointKey);
    }

    [Fact]
    public void AwsAppIds_SeveralAwsApps_ListsThemInFixtureOrderAndAwsAppIdIsTheFirst()
    {
        var state = TestOrgs.MultiAppFixture().ToState();

        Assert.Equal([TestOrgs.ProductionAppId, TestOrgs.StagingAppId, TestOrgs.SandboxAppId], state.AwsAppIds);
        Assert.Equal(TestOrgs.ProductionAppId, state.AwsAppId);
    }

    [Fact]
    public void ToState_UnknownAppStatus_FailsNamingTheApp()
    {
        var fixture = TestOrgs.AppsOnly(1);
        fixture.Apps[0].Status = "DELETED";

        var error = Assert.Throws<InvalidDataException>(() => fixture.ToState());

        Assert.Contains("0oapaging00000000000", error.Message, StringComparison.Ordinal);
        Assert.Contains("DELETED", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAndListApps_SettingsWithAwsApiCredentials_ServeThemVerbatim()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.CredentialsFixture().ToState());

        using var single = JsonDocument.Parse(await sim.Http.GetStringAsync(new Uri($"/api/v1/apps/{TestOrgs.CredentialsAppId}", UriKind.Relative)));
        var (items, _) = await sim.GetAllPagesAsync("/api/v1/apps");

        foreach (var settings in new[] { single.RootElement, Assert.Single(items) }.Select(a => a.GetProperty("settings").GetProperty("app")))
        {
            Assert.Equal(TestOrgs.FixtureAccessKey, settings.GetProperty("accessKey").GetString());
            Assert.Equal(TestOrgs.FixtureSecretKey, settings.GetProperty("secretKey").GetString());
            Assert.Equal("ENC(fixture-encrypted-secret-key)", settings.GetProperty("secretKeyEnc").GetString());
        }
    }

    private static string[] Ids(List<JsonElement> items) => [.. items.Select(i => i.GetProperty("id").GetString()!)];
}
