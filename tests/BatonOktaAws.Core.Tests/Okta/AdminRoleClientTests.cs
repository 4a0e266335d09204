using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Errors;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Core.Okta.RateLimiting;
using BatonOktaAws.Core.Sync.Syncers;
using BatonOktaAws.Store.Model;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace BatonOktaAws.Core.Tests.Okta;

/// <summary>The roles API reads against WireMock, for what the simulator does not script: body paging gone wrong, odd answers.</summary>
public sealed class AdminRoleClientTests : IDisposable
{
    private const string Token = "00WireMock-Token-AR77";
    private static readonly OktaClientOptions Fast = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(5), RetryMaxDelay = TimeSpan.FromMilliseconds(20), MaxRetries = 1 };

    private readonly WireMockServer _server = WireMockServer.Start();

    public void Dispose() => _server.Stop();

    [Fact]
    public async Task ListRoleAssigneesAsync_NextInTheBody_FollowsItWithTheLargestLimit()
    {
        const string path = "/api/v1/iam/assignees/users";
        _server.Given(Request.Create().WithPath(path).WithParam("after", "00u2").UsingGet())
            .RespondWith(Json("""{"value":[{"id":"00u3"}],"_links":{}}"""));
        var next = $"{_server.Url}{path}?limit=1000&after=00u2";
        _server.Given(Request.Create().WithPath(path).WithParam("limit", "1000").UsingGet()).AtPriority(2)
            .RespondWith(Json($$"""{"value":[{"id":"00u1"},{"id":"00u2"}],"_links":{"next":{"href":"{{next}}"} } }"""));
        using var client = Client();

        var ids = new List<string>();
        await foreach (var page in client.ListRoleAssigneesAsync(null, CancellationToken.None))
        {
            ids.AddRange(page.Items.Select(u => u.Id!));
        }

        Assert.Equal(["00u1", "00u2", "00u3"], ids);
        Assert.Equal(2, _server.LogEntries.Count);
    }

    [Fact]
    public async Task ListCustomRolesAsync_NextOnAnotherHost_RefusesToFollowIt()
    {
        _server.Given(Request.Create().WithPath("/api/v1/iam/roles").UsingGet())
            .RespondWith(Json("""{"roles":[{"id":"cr01","label":"x"}],"_links":{"next":{"href":"https://evil.example/api/v1/iam/roles?after=cr01"}}}"""));
        using var client = Client();

        var error = await Assert.ThrowsAsync<OktaInvalidResponseException>(async () =>
        {
            await foreach (var _ in client.ListCustomRolesAsync(null, CancellationToken.None))
            {
            }
        });

        Assert.Equal($"Okta's next-page link for GET /api/v1/iam/roles points to https://evil.example, not {OktaDomain.Parse(_server.Url!)}; refusing to follow it.", error.Message);
        Assert.Single(_server.LogEntries);
    }

    [Fact]
    public async Task ListRoleAssignmentsAsync_AssignmentWithoutAType_IsAnInvalidAnswer()
    {
        _server.Given(Request.Create().WithPath("/api/v1/users/00u1/roles").UsingGet())
            .RespondWith(Json("""[{"id":"ra1","label":"Mystery","assignmentType":"USER"}]"""));
        using var client = Client();

        var error = await Assert.ThrowsAsync<OktaInvalidResponseException>(() => client.ListRoleAssignmentsAsync(OktaRoleHolder.User("00u1"), CancellationToken.None));

        Assert.Equal("Okta's answer to GET /api/v1/users/00u1/roles has role assignment ra1 without a type.", error.Message);
        Assert.Equal(["targets/groups", "targets/catalog/apps"], _server.LogEntries.Single().RequestMessage!.Query!["expand"]);
    }

    [Fact]
    public async Task ListRoleAssignmentsAsync_Forbidden_ThrowsAForbiddenApiException()
    {
        _server.Given(Request.Create().WithPath("/api/v1/groups/00g1/roles").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(403).WithHeader("Content-Type", "application/json").WithBody("""{"errorCode":"E0000006","errorSummary":"You do not have permission to perform the requested action"}"""));
        using var client = Client();

        var error = await Assert.ThrowsAsync<OktaApiException>(() => client.ListRoleAssignmentsAsync(OktaRoleHolder.Group("00g1"), CancellationToken.None));

        Assert.True(error.IsForbidden);
        Assert.Equal("GET /api/v1/groups/00g1/roles", error.Request);
    }

    [Fact]
    public async Task FindUsersByIdAsync_FortyOneIds_SearchesThreeTimesByIdOnly()
    {
        _server.Given(Request.Create().WithPath("/api/v1/users").UsingGet()).RespondWith(Json("[]"));
        using var client = Client();
        var ids = Enumerable.Range(1, 41).Select(i => $"00u{i:D3}").ToList();

        await client.FindUsersByIdAsync(ids, CancellationToken.None);

        var searches = _server.LogEntries.Select(e => e.RequestMessage!.Query!["search"].Single()).ToList();
        Assert.Equal(3, searches.Count);
        Assert.Equal(string.Join(" or ", ids.Take(20).Select(id => $"id eq \"{id}\"")), searches[0]);
        Assert.Equal("id eq \"00u041\"", searches[2]);
    }

    [Theory]
    [InlineData("/api/v1/users/00u1/roles", RateLimitBucket.UserRoles)]
    [InlineData("/api/v1/users/00u1/roles/ra1/targets/groups", RateLimitBucket.UserRoles)]
    [InlineData("/api/v1/users/00u1", RateLimitBucket.Users)]
    [InlineData("/api/v1/users/00u1/groups", RateLimitBucket.Users)]
    [InlineData("/api/v1/users", RateLimitBucket.Users)]
    [InlineData("/api/v1/users/roles", RateLimitBucket.Users)]
    [InlineData("/api/v1/groups/00g1/roles", RateLimitBucket.Groups)]
    [InlineData("/api/v1/iam/assignees/users", "/api/v1/iam")]
    [InlineData("/api/v1/iam/resource-sets/iam1/bindings", "/api/v1/iam")]
    public void RateLimitBucket_RolePaths_AreKeyedAsOktaCountsThem(string path, string bucket) =>
        Assert.Equal(bucket, RateLimitBucket.For(new Uri("https://acme.okta.com" + path)));

    [Theory]
    [InlineData("orn:okta:idp:00o1:apps", "apps", null, null)]
    [InlineData("orn:okta:idp:00o1:apps:amazon_aws", "app-type", "amazon_aws", "amazon_aws")]
    [InlineData("orn:okta:idp:00o1:apps:amazon_aws:0oa1", "app", "0oa1", "amazon_aws")]
    [InlineData("orn:okta:directory:00o1:groups", "groups", null, null)]
    [InlineData("orn:okta:directory:00o1:groups:00g1", "group", "00g1", null)]
    [InlineData("orn:okta:directory:00o1:groups:00g1:contained_resources", "other", null, null)]
    [InlineData("orn:okta:directory:00o1:users", "other", null, null)]
    public void AdminResourceName_Orn_SaysWhatTheResourceStandsFor(string orn, string kind, string? target, string? appName) =>
        Assert.Equal(
            new ResourceSetResourceRecord("iam1", "r1", orn, kind, target, appName),
            AdminResourceName.Parse("iam1", new OktaResourceSetResource { Id = "r1", Orn = orn }));

    [Theory]
    [InlineData("https://acme.okta.com/api/v1/groups/00g1", "group", "00g1")]
    [InlineData("https://acme.okta.com/api/v1/apps/0oa1", "app", "0oa1")]
    [InlineData("https://acme.okta.com/api/v1/apps", "apps", null)]
    [InlineData("https://acme.okta.com/api/v1/apps?filter=name%20eq%20%22amazon_aws%22", "other", null)]
    public void AdminResourceName_WithoutOrn_ReadsTheSelfLink(string href, string kind, string? target) =>
        Assert.Equal(
            (kind, target),
            AdminResourceName.Parse("iam1", new OktaResourceSetResource { Id = "r1", Links = new OktaResourceLinks { Self = new OktaLink { Href = href } } }) is var r ? (r.Kind, r.TargetId) : default);

    [Theory]
    [InlineData("https://acme.okta.com/api/v1/users/00u1", false, "00u1")]
    [InlineData("https://acme.okta.com/api/v1/groups/00g1", true, "00g1")]
    public void OktaRoleHolder_FromAssigneeHref_NamesTheUserOrGroup(string href, bool isGroup, string id) =>
        Assert.Equal(new OktaRoleHolder(isGroup, id), OktaRoleHolder.FromAssigneeHref(href));

    [Theory]
    [InlineData(null)]
    [InlineData("https://acme.okta.com/oauth2/v1/clients/0oa1")]
    [InlineData("https://acme.okta.com/api/v1/groups/../users")]
    [InlineData("not a url")]
    public void OktaRoleHolder_FromAssigneeHref_OtherwiseNull(string? href) =>
        Assert.Null(OktaRoleHolder.FromAssigneeHref(href));

    private OktaClient Client() => new(OktaDomain.Parse(_server.Url!), OktaApiToken.Parse(Token), Fast);

    private static IResponseBuilder Json(string body) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body);
}
