using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OktaSimulator.Http;

namespace OktaSimulator.Tests;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Latency_Fixed_DelaysEveryResponse()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small(), faults: new FaultPlan { Latency = TimeSpan.FromMilliseconds(150) });

        var watch = Stopwatch.StartNew();
        using var response = await sim.Http.GetAsync(new Uri("/api/v1/org", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(140), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task ServerErrorEvery3_NineRequests_FailsExactlyTheThird6thAnd9th()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small(), faults: new FaultPlan { ServerErrorEvery = 3 });

        var statuses = await StatusesAsync(sim, 9);

        Assert.Equal([200, 200, 500, 200, 200, 500, 200, 200, 500], statuses);
        Assert.Equal(3, sim.Server.Faults.Injected);
    }

    [Fact]
    public async Task TooManyRequestsEvery2_Returns429WithResetAboutOneSecondAhead()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small(), faults: new FaultPlan { TooManyRequestsEvery = 2 });

        using var ok = await sim.Http.GetAsync(new Uri("/api/v1/org", UriKind.Relative));
        using var limited = await sim.Http.GetAsync(new Uri("/api/v1/org", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var reset = long.Parse(limited.Headers.GetValues("X-Rate-Limit-Reset").Single(), CultureInfo.InvariantCulture);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.InRange(reset, now, now + 3);
        Assert.Equal("0", limited.Headers.GetValues("X-Rate-Limit-Remaining").Single());
    }

    [Fact]
    public async Task MalformedJsonEvery1_ReturnsTruncatedBodyThatDoesNotParse()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small(), faults: new FaultPlan { MalformedJsonEvery = 1 });

        using var response = await sim.Http.GetAsync(new Uri("/api/v1/users?limit=5", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("[{", body, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task ConnectionResetEvery1_AbortsTheConnection()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small(), faults: new FaultPlan { ConnectionResetEvery = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() => sim.Http.GetAsync(new Uri("/api/v1/org", UriKind.Relative)));
        Assert.Equal(FaultKind.ConnectionReset, sim.Server.Requests.Entries.Single().Fault);
    }

    [Fact]
    public async Task TooManyRequestsResetAfterNegative_Returns429WhoseResetIsAlreadyPast()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 30, TimeSpan.Zero));
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small(), faults: new FaultPlan { TooManyRequestsEvery = 1, TooManyRequestsResetAfter = TimeSpan.FromSeconds(-5) }, time: time);

        using var limited = await sim.Http.GetAsync(new Uri("/api/v1/org", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(time.GetUtcNow().AddSeconds(-5).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), limited.Headers.GetValues("X-Rate-Limit-Reset").Single());
    }

    [Fact]
    public async Task TruncatedBodyEvery1_AnnouncesTheWholeBodyAndDropsTheConnectionHalfWay()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small(), faults: new FaultPlan { TruncatedBodyEvery = 1 });

        using var response = await sim.Http.GetAsync(new Uri("/api/v1/users?limit=20", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentLength > 1000);
        await using var body = await response.Content.ReadAsStreamAsync();
        var error = await Assert.ThrowsAsync<HttpIOException>(() => body.CopyToAsync(Stream.Null));
        Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
        Assert.Equal(FaultKind.TruncatedBody, sim.Server.Requests.Entries.Single().Fault);
    }

    [Fact]
    public async Task OversizedBodyEvery1_SendsValidJsonChunkedToTheConfiguredSize()
    {
        const long Size = 3 * 1024 * 1024;
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small(), faults: new FaultPlan { OversizedBodyEvery = 1, OversizedBodyBytes = Size });

        using var response = await sim.Http.GetAsync(new Uri("/api/v1/users?limit=2", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        Assert.Null(response.Content.Headers.ContentLength);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Size, body.LongLength);
        using var document = JsonDocument.Parse(body);
        Assert.Equal(2, document.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task RepeatedNextLinkEvery1_PointsTheNextLinkBackAtThePageItself()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small(), faults: new FaultPlan { RepeatedNextLinkEvery = 1 });

        using var first = await sim.Http.GetAsync(new Uri("/api/v1/users?limit=2", UriKind.Relative));
        var next = SimulatorSession.NextLink(first);
        using var second = await sim.Http.GetAsync(new Uri(next!));

        Assert.Equal(new Uri(sim.Server.BaseAddress, "/api/v1/users?limit=2"), new Uri(next!));
        Assert.Equal(next, SimulatorSession.NextLink(second));
        Assert.All(sim.Server.Requests.Entries, e => Assert.Equal(FaultKind.RepeatedNextLink, e.Fault));
    }

    [Fact]
    public async Task SlowResponse_OnAFakeClock_IsHeldUntilTheClockPassesTheDelay()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small(), faults: new FaultPlan { SlowResponseEvery = 1, SlowResponseDelay = TimeSpan.FromSeconds(30) }, time: time);

        var call = sim.Http.GetAsync(new Uri("/api/v1/org", UriKind.Relative));
        await sim.Server.Faults.WhenSlowResponsesHeldAsync(1).WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        using var response = await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, sim.Server.Faults.SlowResponsesHeld);
    }

    [Fact]
    public async Task SlowResponse_LongerThanClientTimeout_ClientTimesOut()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small(), faults: new FaultPlan { SlowResponseEvery = 1, SlowResponseDelay = TimeSpan.FromSeconds(10) });
        sim.Http.Timeout = TimeSpan.FromMilliseconds(300);

        await Assert.ThrowsAsync<TaskCanceledException>(() => sim.Http.GetAsync(new Uri("/api/v1/org", UriKind.Relative)));
    }

    [Fact]
    public async Task PathPrefixAndMaxFaults_OnlyMatchingRequestsCountAndFaultsStopAtTheMaximum()
    {
        await using var sim = await SimulatorSession.StartAsync(
            TestOrgs.Small(),
            faults: new FaultPlan { ServerErrorEvery = 1, PathPrefix = "/api/v1/groups", MaxFaults = 2 });

        using var org = await sim.Http.GetAsync(new Uri("/api/v1/org", UriKind.Relative));
        var groupStatuses = await StatusesAsync(sim, 3, "/api/v1/groups?limit=1");

        Assert.Equal(HttpStatusCode.OK, org.StatusCode);
        Assert.Equal([500, 500, 200], groupStatuses);
    }

    [Fact]
    public async Task Install_NewPlan_RestartsCounting()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small(), faults: new FaultPlan { ServerErrorEvery = 2 });
        await StatusesAsync(sim, 1);

        sim.Server.Faults.Install(new FaultPlan { ServerErrorEvery = 2 });
        var statuses = await StatusesAsync(sim, 2);

        Assert.Equal([200, 500], statuses);
    }

    private static async Task<List<int>> StatusesAsync(SimulatorSession sim, int count, string path = "/api/v1/org")
    {
        var statuses = new List<int>();
        for (var i = 0; i < count; i++)
        {
            using var response = await sim.Http.GetAsync(new Uri(path, UriKind.Relative));
            statuses.Add((int)response.StatusCode);
        }

        return statuses;
    }
}
