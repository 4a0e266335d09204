using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Errors;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace BatonOktaAws.Core.Tests.Okta;

/// <summary>The client against WireMock, for the narrow cases the simulator does not script: exact headers and odd answers.</summary>
public sealed class OktaClientTests : IDisposable
{
    private const string Token = "00WireMock-Token-ZZ31";
    private const string AppId = "0oaclienttest";
    private static readonly OktaClientOptions Fast = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(5), RetryMaxDelay = TimeSpan.FromMilliseconds(20), MaxRetries = 3 };

    private readonly WireMockServer _server = WireMockServer.Start();

    public void Dispose() => _server.Stop();

    [Fact]
    public async Task ListAppUsersAsync_TwoPages_FollowsLinkNextWithMaximumLimitAndAuthenticates()
    {
        var path = $"/api/v1/apps/{AppId}/users";
        _server.Given(Request.Create().WithPath(path).WithParam("after", "00u2").UsingGet())
            .RespondWith(Json("""[{"id":"00u3","scope":"USER"}]"""));
        _server.Given(Request.Create().WithPath(path).WithParam("limit", "500").WithParam("expand", "user").UsingGet()).AtPriority(2)
            .RespondWith(Json("""[{"id":"00u1","scope":"GROUP"},{"id":"00u2","scope":"USER","profile":{"samlRoles":["Admin"]}}]""")
                .WithHeader("Link", $"<{_server.Url}{path}?limit=500&expand=user>; rel=\"self\"", $"<{_server.Url}{path}?limit=500&expand=user&after=00u2>; rel=\"next\""));
        using var client = Client();

        var ids = new List<string>();
        await foreach (var page in client.ListAppUsersAsync(AppId, null, CancellationToken.None))
        {
            ids.AddRange(page.Items.Select(u => u.Id!));
        }

        Assert.Equal(["00u1", "00u2", "00u3"], ids);
        Assert.Equal(2, _server.LogEntries.Count);
        Assert.All(_server.LogEntries, e =>
        {
            Assert.Equal("SSWS " + Token, e.RequestMessage!.Headers!["Authorization"].Single());
            Assert.StartsWith("baton-okta-aws/", e.RequestMessage.Headers!["User-Agent"].Single(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task GetApplicationAsync_ServerErrorThenOk_Retries()
    {
        _server.Given(Request.Create().WithPath($"/api/v1/apps/{AppId}")).InScenario("5xx").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(503));
        _server.Given(Request.Create().WithPath($"/api/v1/apps/{AppId}")).InScenario("5xx").WhenStateIs("ok")
            .RespondWith(Json("""{"id":"0oaclienttest","name":"amazon_aws"}"""));
        using var client = Client();

        var app = await client.GetApplicationAsync(AppId, CancellationToken.None);

        Assert.Equal("0oaclienttest", app.Id);
        Assert.Equal(2, _server.LogEntries.Count);
    }

    [Fact]
    public async Task GetApplicationAsync_ServerErrorEveryTime_GivesUpWithAOneLineReason()
    {
        _server.Given(Request.Create().WithPath($"/api/v1/apps/{AppId}")).RespondWith(Response.Create().WithStatusCode(500).WithBody("""{"errorCode":"E0000009"}"""));
        using var client = Client();

        var error = await Assert.ThrowsAsync<OktaException>(() => client.GetApplicationAsync(AppId, CancellationToken.None));

        Assert.Equal($"Okta answered 500 E0000009 to GET /api/v1/apps/{AppId} (gave up after 4 attempts)", error.Message);
        Assert.Equal(4, _server.LogEntries.Count);
    }

    [Theory]
    [InlineData(400, "E0000001")]
    [InlineData(401, "E0000011")]
    [InlineData(403, "E0000006")]
    [InlineData(404, "E0000007")]
    public async Task GetApplicationAsync_ClientError_IsNotRetriedAndNamesTheRequestAndCode(int status, string code)
    {
        _server.Given(Request.Create().WithPath($"/api/v1/apps/{AppId}"))
            .RespondWith(Response.Create().WithStatusCode(status).WithBody($$"""{"errorCode":"{{code}}","errorSummary":"Nope"}"""));
        using var client = Client();

        var error = await Assert.ThrowsAsync<OktaApiException>(() => client.GetApplicationAsync(AppId, CancellationToken.None));

        Assert.Single(_server.LogEntries);
        Assert.Equal(status, error.Status);
        Assert.Equal($"Okta answered {status} {code} to GET /api/v1/apps/{AppId}: Nope", error.Message);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetApplicationAsync_TruncatedJsonOnce_RetriesAndSucceeds()
    {
        _server.Given(Request.Create().WithPath($"/api/v1/apps/{AppId}")).InScenario("cut").WillSetStateTo("whole")
            .RespondWith(Json("""{"id":"0oaclie"""));
        _server.Given(Request.Create().WithPath($"/api/v1/apps/{AppId}")).InScenario("cut").WhenStateIs("whole")
            .RespondWith(Json("""{"id":"0oaclienttest","name":"amazon_aws"}"""));
        using var client = Client();

        var app = await client.GetApplicationAsync(AppId, CancellationToken.None);

        Assert.Equal("0oaclienttest", app.Id);
    }

    [Fact]
    public async Task GetApplicationAsync_AlwaysMalformed_FailsSayingSo()
    {
        _server.Given(Request.Create().WithPath($"/api/v1/apps/{AppId}")).RespondWith(Json("<html>maintenance</html>"));
        using var client = Client();

        var error = await Assert.ThrowsAsync<OktaException>(() => client.GetApplicationAsync(AppId, CancellationToken.None));

        Assert.StartsWith($"Okta sent malformed JSON for GET /api/v1/apps/{AppId}", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(gave up after 4 attempts)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListGroupMembersAndGroups_PageSizesSet_AskForThoseLimits()
    {
        _server.Given(Request.Create().WithPath("/api/v1/groups/00g1/users").WithParam("limit", "200").UsingGet()).RespondWith(Json("""[{"id":"00u1"}]"""));
        _server.Given(Request.Create().WithPath("/api/v1/groups").WithParam("limit", "150").WithParam("search", "profile.name sw \"aws\"").UsingGet())
            .RespondWith(Json("""[{"id":"00g1"}]"""));
        using var client = Client(Fast with { GroupMembersPageSize = 200, GroupsPageSize = 150 });

        var members = new List<string>();
        await foreach (var page in client.ListGroupMembersAsync("00g1", null, CancellationToken.None))
        {
            members.AddRange(page.Items.Select(u => u.Id!));
        }

        var groups = new List<string>();
        await foreach (var page in client.ListGroupsAsync("profile.name sw \"aws\"", null, null, CancellationToken.None))
        {
            groups.AddRange(page.Items.Select(g => g.Id!));
        }

        Assert.Equal(["00u1"], members);
        Assert.Equal(["00g1"], groups);
    }

    [Theory]
    [InlineData(0, 200, "GroupMembersPageSize", "The group members page size must be between 1 and 1000.")]
    [InlineData(1_001, 200, "GroupMembersPageSize", "The group members page size must be between 1 and 1000.")]
    [InlineData(200, 0, "GroupsPageSize", "The groups page size must be between 1 and 10000.")]
    [InlineData(200, 10_001, "GroupsPageSize", "The groups page size must be between 1 and 10000.")]
    public void Constructor_PageSizeOutOfRange_ThrowsNamingIt(int members, int groups, string name, string message)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Client(Fast with { GroupMembersPageSize = members, GroupsPageSize = groups }));

        Assert.Equal(name, error.ParamName);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListGroupMembersAsync_ItemWithoutId_FailsNamingTheEndpointAndItem()
    {
        _server.Given(Request.Create().WithPath("/api/v1/groups/00g1/users")).RespondWith(Json("""[{"id":"00u1"},{"status":"ACTIVE"}]"""));
        using var client = Client();

        var error = await Assert.ThrowsAsync<OktaInvalidResponseException>(async () =>
        {
            await foreach (var _ in client.ListGroupMembersAsync("00g1", null, CancellationToken.None))
            {
            }
        });

        Assert.Equal("Okta's answer to GET /api/v1/groups/00g1/users has member #2 without an id.", error.Message);
    }

    [Theory]
    [InlineData("""[{"id":"00u1"},{"id":"00u2"},{"id":"00u 3"}]""", "app user #3 with an unusable id '00u 3'")]
    [InlineData("""[{"id":"00u1","_embedded":{"user":{"id":"00u1"}}},{"id":"00u2","_embedded":{"user":{"id":"00u2/x"}}}]""", "the user embedded in app user 00u2 with an unusable id '00u2/x'")]
    [InlineData("""[{"id":"00u1","_embedded":{"user":{"status":"ACTIVE"}}}]""", "the user embedded in app user 00u1 without an id")]
    [InlineData("[{\"id\":\"00u1\",\"_embedded\":{\"user\":{\"id\":\"00u01234567890123456789012345678901234567890123456789012345678901\"}}}]", "the user embedded in app user 00u1 with an unusable id '00u01234567890123456789012345678901234567890123456789012345678901'")]
    public async Task ListAppUsersAsync_ItemWithAnUnusableId_FailsNamingTheItem(string page, string item)
    {
        _server.Given(Request.Create().WithPath($"/api/v1/apps/{AppId}/users")).RespondWith(Json(page));
        using var client = Client();

        var error = await Assert.ThrowsAsync<OktaInvalidResponseException>(async () =>
        {
            await foreach (var _ in client.ListAppUsersAsync(AppId, null, CancellationToken.None))
            {
            }
        });

        Assert.Equal($"Okta's answer to GET /api/v1/apps/{AppId}/users has {item}.", error.Message);
    }

    [Fact]
    public async Task ListGroupMembersAsync_IdWithPathCharacters_IsRefused()
    {
        _server.Given(Request.Create().WithPath("/api/v1/groups/00g1/users")).RespondWith(Json("""[{"id":"../../admin"}]"""));
        using var client = Client();

        var error = await Assert.ThrowsAsync<OktaInvalidResponseException>(async () =>
        {
            await foreach (var _ in client.ListGroupMembersAsync("00g1", null, CancellationToken.None))
            {
            }
        });

        Assert.Contains("unusable id '../../admin'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListGroupMembersAsync_NextLinkToAnotherHost_IsNotFollowed()
    {
        _server.Given(Request.Create().WithPath("/api/v1/groups/00g1/users"))
            .RespondWith(Json("""[{"id":"00u1"}]""").WithHeader("Link", "<https://evil.example/api/v1/groups/00g1/users?after=00u1>; rel=\"next\""));
        using var client = Client();

        var error = await Assert.ThrowsAsync<OktaInvalidResponseException>(async () =>
        {
            await foreach (var _ in client.ListGroupMembersAsync("00g1", null, CancellationToken.None))
            {
            }
        });

        Assert.Contains("points to https://evil.example", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListUsersAsync_EmptyPagesThatKeepLinkingOn_StopsTheListAfterTenOfThem()
    {
        // Each empty page links to a new cursor, for longer than any real list would.
        for (var page = 0; page < 30; page++)
        {
            var request = Request.Create().WithPath("/api/v1/users").UsingGet();
            _server.Given(page == 0 ? request.WithParam("limit", "200") : request.WithParam("after", $"c{page}")).AtPriority(page == 0 ? 2 : 1)
                .RespondWith(Json("[]").WithHeader("Link", $"<{_server.Url}/api/v1/users?limit=200&after=c{page + 1}>; rel=\"next\""));
        }

        _server.Given(Request.Create().WithPath("/api/v1/users").WithParam("after", "c30").UsingGet()).RespondWith(Json("[]"));
        using var client = Client();

        var error = await Assert.ThrowsAsync<OktaInvalidResponseException>(async () =>
        {
            await foreach (var _ in client.ListUsersAsync(null, null, CancellationToken.None))
            {
            }
        });

        Assert.Equal("Okta answered 10 empty pages in a row to GET /api/v1/users, each linking to another; stopped the list rather than page on.", error.Message);
        Assert.Equal(10, _server.LogEntries.Count);
    }

    [Fact]
    public async Task GetApplicationAsync_BodyOverTheLimit_FailsWithoutRetrying()
    {
        // WireMock sends the body chunked: the cap stops the read (Content-Length over it: OktaClientResilienceTests).
        var padded = "{\"id\":\"0oaclienttest\"}" + new string(' ', 100 * 1024);
        _server.Given(Request.Create().WithPath($"/api/v1/apps/{AppId}")).RespondWith(Json(padded));
        using var client = Client(Fast with { MaxResponseBytes = 64 * 1024 });

        var error = await Assert.ThrowsAsync<OktaResponseTooLargeException>(() => client.GetApplicationAsync(AppId, CancellationToken.None));

        Assert.Equal($"Okta's answer to GET /api/v1/apps/{AppId} is larger than 65536 bytes, the most the client reads of one response; stopped reading it.", error.Message);
        Assert.Single(_server.LogEntries);
    }

    [Fact]
    public async Task GetApplicationAsync_MalformedBody_NamesTheBytesReadAndWhatTheParserFound()
    {
        _server.Given(Request.Create().WithPath($"/api/v1/apps/{AppId}")).RespondWith(Json("<html>maintenance</html>"));
        using var client = Client(Fast with { MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<OktaException>(() => client.GetApplicationAsync(AppId, CancellationToken.None));

        Assert.Equal($"Okta sent malformed JSON for GET /api/v1/apps/{AppId} (24 bytes; '<' is an invalid start of a value) (gave up after 1 attempt)", error.Message);
    }

    [Fact]
    public async Task GetApplicationAsync_EmptyBody_FailsAsMalformedJson()
    {
        _server.Given(Request.Create().WithPath($"/api/v1/apps/{AppId}")).RespondWith(Json(string.Empty));
        using var client = Client(Fast with { MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<OktaException>(() => client.GetApplicationAsync(AppId, CancellationToken.None));

        Assert.Equal($"Okta sent malformed JSON for GET /api/v1/apps/{AppId} (0 bytes; The input does not contain any JSON tokens) (gave up after 1 attempt)", error.Message);
    }

    [Fact]
    public async Task GetApplicationAsync_NullBody_FailsSayingTheBodyWasEmpty()
    {
        _server.Given(Request.Create().WithPath($"/api/v1/apps/{AppId}")).RespondWith(Json("null"));
        using var client = Client(Fast with { MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<OktaException>(() => client.GetApplicationAsync(AppId, CancellationToken.None));

        Assert.Equal($"Okta answered 200 to GET /api/v1/apps/{AppId} with an empty (null) body (gave up after 1 attempt)", error.Message);
    }

    [Fact]
    public async Task ListAppUsersAsync_BodyStartingWithAUtf8ByteOrderMark_IsRead()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. "[{\"id\":\"00u1\",\"profile\":{\"samlRoles\":[\"Admin\"]}}]"u8];
        _server.Given(Request.Create().WithPath($"/api/v1/apps/{AppId}/users"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
        using var client = Client();

        var users = new List<Core.Okta.Models.OktaAppUser>();
        await foreach (var page in client.ListAppUsersAsync(AppId, null, CancellationToken.None))
        {
            users.AddRange(page.Items);
        }

        Assert.Equal("00u1", Assert.Single(users).Id);
        Assert.Equal(["Admin"], users[0].Profile!.SamlRoles);
    }

    [Fact]
    public async Task GetApplicationAsync_Redirect_IsNotFollowedSoTheTokenStaysHome()
    {
        using var elsewhere = WireMockServer.Start();
        elsewhere.Given(Request.Create().UsingAnyMethod()).RespondWith(Json("{}"));
        _server.Given(Request.Create().WithPath($"/api/v1/apps/{AppId}"))
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", elsewhere.Url + "/steal"));
        using var client = Client();

        var error = await Assert.ThrowsAsync<OktaApiException>(() => client.GetApplicationAsync(AppId, CancellationToken.None));

        Assert.Equal(302, error.Status);
        Assert.Empty(elsewhere.LogEntries);
    }

    [Fact]
    public async Task GetApplicationAsync_SlowerThanTheRequestTimeout_GivesUpSayingSo()
    {
        _server.Given(Request.Create().WithPath($"/api/v1/apps/{AppId}"))
            .RespondWith(Json("""{"id":"0oaclienttest"}""").WithDelay(TimeSpan.FromSeconds(3)));
        using var client = Client(Fast with { RequestTimeout = TimeSpan.FromMilliseconds(200), MaxRetries = 1 });

        var error = await Assert.ThrowsAsync<OktaException>(() => client.GetApplicationAsync(AppId, CancellationToken.None));

        Assert.Equal($"Okta did not answer GET /api/v1/apps/{AppId} within 0.2 s (gave up after 2 attempts)", error.Message);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task GetAwsRoleListAsync_Refused_ReturnsNull(int status)
    {
        _server.Given(Request.Create().WithPath($"/api/v1/internal/apps/{AppId}/types")).RespondWith(Response.Create().WithStatusCode(status));
        using var client = Client();

        Assert.Null(await client.GetAwsRoleListAsync(AppId, CancellationToken.None));
    }

    [Fact]
    public async Task GetApplicationAsync_IdWithSlash_IsRefusedBeforeAnyRequest()
    {
        using var client = Client();

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetApplicationAsync("../users", CancellationToken.None));
        Assert.Empty(_server.LogEntries);
    }

    private OktaClient Client(OktaClientOptions? options = null, TimeProvider? time = null) =>
        new(OktaDomain.Parse(_server.Url!), OktaApiToken.Parse(Token), options ?? Fast, timeProvider: time);

    private static IResponseBuilder Json(string body) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body);
}
