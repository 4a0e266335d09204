using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OktaSimulator.Http;

namespace OktaSimulator.Tests;

public sealed class ErrorAndRateLimitTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("SSWS wrong-token")]
    [InlineData("Bearer " + SimulatorSession.Token)]
    public async Task AnyRequest_WithoutTheConfiguredSswsToken_Returns401InvalidToken(string? authorization)
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users");
        request.Headers.Authorization = authorization is null ? null : AuthenticationHeaderValue.Parse(authorization);
        sim.Http.DefaultRequestHeaders.Authorization = null;

        using var response = await sim.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await ErrorBody(response);
        Assert.Equal("E0000011", error.GetProperty("errorCode").GetString());
        Assert.Equal("Invalid token provided", error.GetProperty("errorSummary").GetString());
        Assert.Equal("E0000011", error.GetProperty("errorLink").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("errorId").GetString()));
        Assert.Equal(JsonValueKind.Array, error.GetProperty("errorCauses").ValueKind);
        AssertRateHeaders(response);
    }

    [Theory]
    [InlineData("/api/v1/users/00unosuchuser0000000", "User")]
    [InlineData("/api/v1/groups/00gnosuchgroup000000", "UserGroup")]
    [InlineData("/api/v1/apps/0oanosuchapp00000000", "AppInstance")]
    [InlineData("/api/v1/apps/0oanosuchapp00000000/users", "AppInstance")]
    public async Task Get_UnknownId_Returns404ResourceNotFound(string path, string type)
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small());

        using var response = await sim.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = await ErrorBody(response);
        Assert.Equal("E0000007", error.GetProperty("errorCode").GetString());
        Assert.EndsWith($"({type})", error.GetProperty("errorSummary").GetString(), StringComparison.Ordinal);
        AssertRateHeaders(response);
    }

    [Fact]
    public async Task AppsBucket_TokenAtHalfOfLimit_Returns429WhileRemainingStillShowsCapacity()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 10, TimeSpan.Zero));
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small(), RateLimitSettings.OktaDefaults, time: time);
        var appId = sim.State.AwsAppId;

        // App, app users and app groups all spend the same 100/min bucket; the token may use 50 of it.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 51; i++)
        {
            var path = (i % 3) switch { 0 => $"/api/v1/apps/{appId}", 1 => $"/api/v1/apps/{appId}/users", _ => $"/api/v1/apps/{appId}/groups" };
            using var response = await sim.Http.GetAsync(new Uri(path, UriKind.Relative));
            statuses.Add(response.StatusCode);
            if (i == 50)
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
                var error = await ErrorBody(response);
                Assert.Equal("E0000047", error.GetProperty("errorCode").GetString());
                Assert.Equal("100", Header(response, "X-Rate-Limit-Limit"));
                Assert.Equal("50", Header(response, "X-Rate-Limit-Remaining"));
                Assert.Equal(new DateTimeOffset(2026, 1, 1, 12, 1, 0, TimeSpan.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), Header(response, "X-Rate-Limit-Reset"));
            }
        }

        Assert.All(statuses.Take(50), s => Assert.Equal(HttpStatusCode.OK, s));

        // Other buckets are unaffected.
        using var users = await sim.Http.GetAsync(new Uri("/api/v1/users?limit=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Equal("600", Header(users, "X-Rate-Limit-Limit"));

        // The next window starts fresh.
        time.Advance(TimeSpan.FromSeconds(50));
        using var afterReset = await sim.Http.GetAsync(new Uri($"/api/v1/apps/{appId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, afterReset.StatusCode);
        Assert.Equal("99", Header(afterReset, "X-Rate-Limit-Remaining"));
    }

    [Fact]
    public async Task RateLimitHeaders_EverySuccessfulResponse_CountDownTheBucket()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small(), RateLimitSettings.OktaDefaults, time: time);

        var remaining = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await sim.Http.GetAsync(new Uri("/api/v1/groups?limit=1", UriKind.Relative));
            remaining.Add(Header(response, "X-Rate-Limit-Remaining"));
        }

        Assert.Equal(["599", "598", "597"], remaining);
    }

    [Fact]
    public async Task OtherClients_BurstAndSteadyLoad_CountInTheOrgWideRemainingButNotAgainstOurToken()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 30, TimeSpan.Zero));
        var limits = RateLimitSettings.OktaDefaults with
        {
            OtherClients =
            [
                new OtherClientLoad(RateLimitBucket.Apps, "integration-a") { AtWindowStart = 30, TokenShare = 1.0 },
                new OtherClientLoad(RateLimitBucket.Apps, "integration-b") { PerMinute = 40 },
            ],
        };
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small(), limits, time: time);
        var app = new Uri($"/api/v1/apps/{sim.State.AwsAppId}", UriKind.Relative);

        // Half-way through the window: a's 30 at the start and b's 20 so far, then ours.
        using var first = await sim.Http.GetAsync(app);
        Assert.Equal("49", Header(first, "X-Rate-Limit-Remaining"));

        // Our token still has its own 50: the org runs out first, at 100.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 50; i++)
        {
            using var response = await sim.Http.GetAsync(app);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(49, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);

        // The next window: a's burst is back, b has not started yet.
        time.Advance(TimeSpan.FromSeconds(30));
        using var next = await sim.Http.GetAsync(app);
        Assert.Equal("69", Header(next, "X-Rate-Limit-Remaining"));
    }

    [Fact]
    public async Task Spend_OurOwnToken_LeavesOurTokenRefusedWhileTheOrgStillHasCapacity()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 10, TimeSpan.Zero));
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small(), RateLimitSettings.OktaDefaults, time: time);

        var spent = sim.Server.RateLimiter.Spend(RateLimitBucket.Apps, SimulatorSession.Token, 80);
        using var refused = await sim.Http.GetAsync(new Uri($"/api/v1/apps/{sim.State.AwsAppId}", UriKind.Relative));

        Assert.Equal(50, spent);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("50", Header(refused, "X-Rate-Limit-Remaining"));
    }

    [Fact]
    public async Task ConcurrentRequests_AboveConcurrencyLimit_Returns429()
    {
        await using var sim = await SimulatorSession.StartAsync(
            TestOrgs.Small(),
            RateLimitSettings.Unlimited with { ConcurrencyLimit = 2 },
            new FaultPlan { Latency = TimeSpan.FromMilliseconds(400) });

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => sim.Http.GetAsync(new Uri("/api/v1/org", UriKind.Relative))));

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task UnknownRoute_Returns404WithOktaErrorBody()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small());

        using var response = await sim.Http.GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("E0000022", (await ErrorBody(response)).GetProperty("errorCode").GetString());
    }

    private static async Task<JsonElement> ErrorBody(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();

    private static void AssertRateHeaders(HttpResponseMessage response)
    {
        Assert.True(int.TryParse(Header(response, "X-Rate-Limit-Limit"), CultureInfo.InvariantCulture, out _));
        Assert.True(int.TryParse(Header(response, "X-Rate-Limit-Remaining"), CultureInfo.InvariantCulture, out _));
        Assert.True(long.TryParse(Header(response, "X-Rate-Limit-Reset"), CultureInfo.InvariantCulture, out var reset));
        Assert.True(reset > DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1);
        Assert.False(string.IsNullOrEmpty(Header(response, "X-Okta-Request-Id")));
    }
}
