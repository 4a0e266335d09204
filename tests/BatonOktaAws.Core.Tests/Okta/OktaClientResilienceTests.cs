using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Errors;
using BatonOktaAws.Core.Okta.RateLimiting;
using BatonOktaAws.TestSupport;
using Microsoft.Extensions.Time.Testing;
using OktaSimulator;
using OktaSimulator.Fixtures;
using OktaSimulator.Http;
using SimBucket = OktaSimulator.Http.RateLimitBucket;

namespace BatonOktaAws.Core.Tests.Okta;

/// <summary>
/// The client against the simulator with Okta's limits and faults, on a fake clock the simulator shares
/// (driven by <see cref="FakeClockDriver"/>), so waits of minutes take no real time.
/// </summary>
public sealed class OktaClientResilienceTests
{
    /// <summary>Ten seconds into a minute: the apps window resets in 50 s, longer than the 10 s timeout.</summary>
    private static readonly DateTimeOffset TenPastNine = new(2026, 3, 2, 9, 0, 10, TimeSpan.Zero);

    [Fact]
    public async Task SendAsync_TokenShareSpentForLongerThanTheRequestTimeout_WaitsForTheWindowInsteadOfTimingOut()
    {
        var time = new FakeTimeProvider(TenPastNine);
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState(), RateLimitSettings.OktaDefaults, time: time);
        simulator.RateLimiter.Spend(SimBucket.Apps, TestSimulator.Token, 50);
        await using var clock = new FakeClockDriver(time, simulator.Faults);
        var logs = new CapturingLoggerFactory();
        using var client = Client(simulator, clock, logs, new OktaClientOptions { RequestTimeout = TimeSpan.FromSeconds(10), MaxRetries = 2 });

        var apps = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetApplicationAsync(simulator.State.AwsAppId!, CancellationToken.None)))
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(apps, a => Assert.Equal(simulator.State.AwsAppId, a.Id));
        Assert.True(time.GetUtcNow() >= TenPastNine.AddSeconds(50), "the requests went before the window reset");
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains("request timeout", StringComparison.Ordinal) || l.Message.Contains("did not answer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetApplicationAsync_ConnectionResetEveryTime_WarnsAndFailsInWordsNamingWhatBroke()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState(), faults: new FaultPlan { ConnectionResetEvery = 1 });
        var logs = new CapturingLoggerFactory();
        using var client = Client(simulator, logs: logs, options: Fast with { MaxRetries = 1 });

        var error = await Assert.ThrowsAsync<OktaException>(() => client.GetApplicationAsync(simulator.State.AwsAppId!, CancellationToken.None));

        // Not .NET's "An error occurred while sending the request." with a stray full stop before the semicolon.
        var warning = Assert.Single(logs.Lines, l => l.Message.Contains("retrying", StringComparison.Ordinal)).Message;
        Assert.Matches(@"^The connection to Okta broke before the answer was complete \([^)]+\); retrying GET /api/v1/apps/\w+ in [\d.]+ s \(retry 1 of 1\)\.$", warning);
        Assert.Matches(@"^Could not reach Okta at 127\.0\.0\.1:\d+ for GET /api/v1/apps/\w+: the connection to Okta broke before the answer was complete \([^)]+\) \(gave up after 2 attempts\)$", error.Message);
    }

    [Fact]
    public async Task SendAsync_WaitingForAConcurrencySlotLongerThanTheTimeout_IsNotATimeout()
    {
        // One slot, and Okta takes 6 s for each answer: the third request waits 12 s for the slot, longer than
        // the 10 s timeout, yet its own exchange takes only 6.
        var time = new FakeTimeProvider(TenPastNine);
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState(), faults: new FaultPlan { SlowResponseEvery = 1, SlowResponseDelay = TimeSpan.FromSeconds(6) }, time: time);
        await using var clock = new FakeClockDriver(time, simulator.Faults);
        var logs = new CapturingLoggerFactory();
        using var client = Client(simulator, clock, logs, new OktaClientOptions { MaxConcurrentRequests = 1, RequestTimeout = TimeSpan.FromSeconds(10), MaxRetries = 0 });

        var apps = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.GetApplicationAsync(simulator.State.AwsAppId!, CancellationToken.None)))
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(apps, a => Assert.Equal(simulator.State.AwsAppId, a.Id));
        Assert.True(time.GetUtcNow() >= TenPastNine.AddSeconds(18), "the three answers cannot have overlapped");
        Assert.Equal(3, clock.Exchanges.Sent);
    }

    [Fact]
    public async Task RateLimitWaiting_EightRequestsWaitingInOneBucket_IsRaisedOnceAndLoggedOnce()
    {
        var time = new FakeTimeProvider(TenPastNine);
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState(), RateLimitSettings.OktaDefaults, time: time);
        await using var clock = new FakeClockDriver(time, simulator.Faults);
        var logs = new CapturingLoggerFactory();
        using var client = Client(simulator, clock, logs, new OktaClientOptions { RequestTimeout = TimeSpan.FromSeconds(120), RateLimitJitter = TimeSpan.Zero });
        var waits = new ConcurrentQueue<RateLimitWait>();
        client.RateLimitWaiting += waits.Enqueue;

        // The first request learns the window; the other 52 are more than the token's 50 and wait for the next one.
        await Task.WhenAll(Enumerable.Range(0, 53).Select(_ => client.GetApplicationAsync(simulator.State.AwsAppId!, CancellationToken.None)))
            .WaitAsync(TimeSpan.FromSeconds(60));

        var wait = Assert.Single(waits);
        Assert.Equal("/api/v1/apps", wait.Bucket);
        // The window resets at 09:01:00 by the server's clock; the client's estimate errs late by under a second.
        Assert.InRange(wait.Until, new DateTimeOffset(2026, 3, 2, 9, 1, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 2, 9, 1, 1, TimeSpan.Zero));
        var line = Assert.Single(logs.Lines, l => l.Message.Contains("/api/v1/apps wait", StringComparison.Ordinal));
        Assert.Matches(@"^Requests to /api/v1/apps wait \d+ s, until 09:01:00 UTC: this token's share of the rate limit is spent for this window\.$", line.Message);
        Assert.DoesNotContain(simulator.Requests.Entries, e => e.Status == 429);
    }

    [Fact]
    public async Task SendAsync_429WhoseResetHasPassed_WaitsAtLeastASecondBacksOffAndSendsOktasRetryHeaders()
    {
        var time = new FakeTimeProvider(TenPastNine);
        var faults = new FaultPlan { TooManyRequestsEvery = 1, MaxFaults = 3, TooManyRequestsResetAfter = TimeSpan.FromSeconds(-5) };
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState(), RateLimitSettings.OktaDefaults, faults, time);
        await using var clock = new FakeClockDriver(time, simulator.Faults);
        using var client = Client(simulator, clock, new CapturingLoggerFactory(), new OktaClientOptions());

        var app = await client.GetApplicationAsync(simulator.State.AwsAppId!, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(simulator.State.AwsAppId, app.Id);
        var sent = await LoggedAsync(simulator, 4);
        Assert.Equal([429, 429, 429, 200], sent.Select(e => e.Status));
        var gaps = sent.Zip(sent.Skip(1), (a, b) => b.Timestamp - a.Timestamp).ToList();
        Assert.True(gaps[0] >= TimeSpan.FromSeconds(1), $"first retry after {gaps[0]}");
        Assert.True(gaps[1] >= TimeSpan.FromSeconds(2), $"second retry after {gaps[1]}");
        Assert.True(gaps[2] >= TimeSpan.FromSeconds(4), $"third retry after {gaps[2]}");
        Assert.Null(sent[0].RetryFor);
        var firstRequestId = $"sim{sent[0].Sequence:D8}";
        Assert.All(sent.Skip(1), e => Assert.StartsWith(firstRequestId, e.RetryFor, StringComparison.Ordinal));
        Assert.Equal(["1", "2", "3"], sent.Skip(1).Select(e => e.RetryCount));
    }

    [Fact]
    public async Task GetApplicationAsync_429ThenOk_WaitsResetMinusDatePlusOneSecondOnTheServersClockAndRetriesWithOktaRetryHeaders()
    {
        // Both clocks are fake and years apart, so the wait can come only from the server's Date and Reset: the
        // simulator stamps Date at 09:00:10 and puts the 429's reset 20 s later.
        var serverTime = new FakeTimeProvider(TenPastNine);
        var faults = new FaultPlan { TooManyRequestsEvery = 1, MaxFaults = 1, TooManyRequestsResetAfter = TimeSpan.FromSeconds(20) };
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState(), faults: faults, time: serverTime);
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var counter = new ExchangeCounter();
        using var client = new OktaClient(OktaDomain.Parse(simulator.Domain()), OktaApiToken.Parse(TestSimulator.Token), Fast with { MaxRetries = 2, RateLimitJitter = TimeSpan.Zero }, null, time, counter);
        var announced = new TaskCompletionSource<RateLimitWait>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.RateLimitWaiting += w => announced.TrySetResult(w);

        var call = client.GetApplicationAsync(simulator.State.AwsAppId!, CancellationToken.None);
        var wait = await announced.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(21), wait.Until - time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(20.9));
        Assert.Equal(1, counter.Sent);
        time.Advance(TimeSpan.FromSeconds(0.1));
        var app = await call.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(simulator.State.AwsAppId, app.Id);
        var sent = await LoggedAsync(simulator, 2);
        Assert.Equal([429, 200], sent.Select(e => e.Status));
        Assert.Null(sent[0].RetryFor);
        Assert.StartsWith($"sim{sent[0].Sequence:D8}", sent[1].RetryFor, StringComparison.Ordinal);
        Assert.Equal("1", sent[1].RetryCount);
    }

    [Fact]
    public async Task SendAsync_OtherClientsSpendingTheBucket_PacesByWhatIsLeftAndKeepsMakingProgress()
    {
        // Another integration spends 45 of the 100 as each window opens (its token may use all of it), a
        // third 30 across the window. This token's 50 still fit in what the org has left.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 1, TimeSpan.Zero));
        var limits = RateLimitSettings.OktaDefaults with
        {
            OtherClients =
            [
                new OtherClientLoad(SimBucket.Apps, "sso-dashboard") { AtWindowStart = 45, TokenShare = 1.0 },
                new OtherClientLoad(SimBucket.Apps, "hr-import") { PerMinute = 30 },
            ],
        };
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState(), limits, time: time);
        await using var clock = new FakeClockDriver(time, simulator.Faults);
        using var client = Client(simulator, clock, new CapturingLoggerFactory(), new OktaClientOptions { RequestTimeout = TimeSpan.FromSeconds(10) });
        var start = time.GetUtcNow();

        await Task.WhenAll(Enumerable.Range(0, 140).Select(_ => client.GetApplicationAsync(simulator.State.AwsAppId!, CancellationToken.None)))
            .WaitAsync(TimeSpan.FromSeconds(90));

        // Three windows of about 50 each (assuming all 45 + 30 were this token's would leave it 5 a window).
        Assert.True(time.GetUtcNow() - start < TimeSpan.FromMinutes(3.5), $"took {time.GetUtcNow() - start} of fake time");
        Assert.InRange(simulator.Requests.Entries.Count(e => e.Status == 429), 0, client.Options.MaxConcurrentRequests);
    }

    [Fact]
    public async Task ListUsersAsync_NextLinkBackToAPageAlreadyRead_StopsTheListWithAnErrorNamingTheEndpoint()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState(), faults: new FaultPlan { RepeatedNextLinkEvery = 1 });
        using var counter = new ExchangeCounter();
        using var client = Client(simulator, handler: counter);

        var error = await Assert.ThrowsAsync<OktaInvalidResponseException>(() => ReadAllAsync(client.ListUsersAsync(null, null, CancellationToken.None)));

        Assert.Equal("Okta's next-page link for GET /api/v1/users leads back to a page this list already read; stopped the list after 1 page rather than loop.", error.Message);
        Assert.Equal(1, counter.Sent);
    }

    [Fact]
    public async Task GetApplicationAsync_BodyCutShortEveryTime_GivesUpSayingItWasCutShort()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState(), faults: new FaultPlan { TruncatedBodyEvery = 1 });
        using var client = Client(simulator, options: Fast with { MaxRetries = 2 });

        var error = await Assert.ThrowsAsync<OktaException>(() => client.GetApplicationAsync(simulator.State.AwsAppId!, CancellationToken.None));

        Assert.Matches($@"^Okta's answer to GET /api/v1/apps/{simulator.State.AwsAppId} was cut short after \d+ of \d+ bytes \(gave up after 3 attempts\)$", error.Message);
        Assert.Equal(3, (await LoggedAsync(simulator, 3)).Count);
    }

    [Fact]
    public async Task GetApplicationAsync_BodyCutShortOnce_RetriesAndSucceeds()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState(), faults: new FaultPlan { TruncatedBodyEvery = 1, MaxFaults = 1 });
        using var client = Client(simulator);

        var app = await client.GetApplicationAsync(simulator.State.AwsAppId!, CancellationToken.None);

        Assert.Equal(simulator.State.AwsAppId, app.Id);
        Assert.Equal([FaultKind.TruncatedBody, FaultKind.None], (await LoggedAsync(simulator, 2)).Select(e => e.Fault));
    }

    [Fact]
    public async Task ListUsersAsync_BodyLargerThanTheDefaultLimit_FailsAtTheLimitWithoutRetrying()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState(), faults: new FaultPlan { OversizedBodyEvery = 1, OversizedBodyBytes = 65L * 1024 * 1024 });
        using var counter = new ExchangeCounter();
        using var client = Client(simulator, handler: counter);

        var error = await Assert.ThrowsAsync<OktaResponseTooLargeException>(() => ReadAllAsync(client.ListUsersAsync(null, null, CancellationToken.None)));

        Assert.Equal("Okta's answer to GET /api/v1/users is larger than 64 MiB, the most the client reads of one response; stopped reading it.", error.Message);
        Assert.Equal(1, counter.Sent);
    }

    [Fact]
    public async Task GetApplicationAsync_ChunkedBodyOverAConfiguredLimit_FailsNamingTheLimitWithoutRetrying()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState(), faults: new FaultPlan { OversizedBodyEvery = 1, OversizedBodyBytes = 128 * 1024 });
        using var counter = new ExchangeCounter();
        using var client = Client(simulator, options: Fast with { MaxResponseBytes = 64 * 1024 }, handler: counter);

        var error = await Assert.ThrowsAsync<OktaResponseTooLargeException>(() => client.GetApplicationAsync(simulator.State.AwsAppId!, CancellationToken.None));

        Assert.Equal($"Okta's answer to GET /api/v1/apps/{simulator.State.AwsAppId} is larger than 65536 bytes, the most the client reads of one response; stopped reading it.", error.Message);
        Assert.Equal(1, counter.Sent);
    }

    [Fact]
    public async Task GetApplicationAsync_ContentLengthOfExactlyTheLimit_IsRead()
    {
        var state = OrgFixture.Demo().ToState();
        state.Apps[state.AwsAppId!].SettingsApp!["note"] = new string('n', 70 * 1024);
        await using var simulator = await TestSimulator.StartAsync(state);
        var length = await ContentLengthAsync(simulator, $"/api/v1/apps/{state.AwsAppId}");
        using var client = Client(simulator, options: Fast with { MaxResponseBytes = length });

        var app = await client.GetApplicationAsync(state.AwsAppId!, CancellationToken.None);

        Assert.Equal(state.AwsAppId, app.Id);
    }

    [Fact]
    public async Task GetApplicationAsync_ContentLengthOneByteOverTheLimit_FailsWithoutRetrying()
    {
        var state = OrgFixture.Demo().ToState();
        state.Apps[state.AwsAppId!].SettingsApp!["note"] = new string('n', 70 * 1024);
        await using var simulator = await TestSimulator.StartAsync(state);
        var length = await ContentLengthAsync(simulator, $"/api/v1/apps/{state.AwsAppId}");
        using var counter = new ExchangeCounter();
        using var client = Client(simulator, options: Fast with { MaxResponseBytes = length - 1 }, handler: counter);

        var error = await Assert.ThrowsAsync<OktaResponseTooLargeException>(() => client.GetApplicationAsync(state.AwsAppId!, CancellationToken.None));

        Assert.Equal($"Okta's answer to GET /api/v1/apps/{state.AwsAppId} is larger than {length - 1} bytes, the most the client reads of one response; stopped reading it.", error.Message);
        Assert.Equal(1, counter.Sent);
    }

    [Fact]
    public async Task ListAppUsersAsync_ChunkedPagesOfAMegabyte_AreReadWhole()
    {
        // Chunked: no Content-Length says how much to expect, so the body arrives in many reads.
        await using var plain = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        await using var chunked = await TestSimulator.StartAsync(OrgFixture.Demo().ToState(), faults: new FaultPlan { OversizedBodyEvery = 1, OversizedBodyBytes = 1024 * 1024 });
        using var plainClient = Client(plain);
        using var chunkedClient = Client(chunked);

        var expected = await AppUserIdsAsync(plainClient, plain.State.AwsAppId!);
        var read = await AppUserIdsAsync(chunkedClient, chunked.State.AwsAppId!);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, read);
        Assert.All(await LoggedAsync(chunked, 1), e => Assert.Equal(FaultKind.OversizedBody, e.Fault));
    }

    [Theory]
    [InlineData(64 * 1024)]
    [InlineData(64 * 1024 - 1)]
    public async Task GetApplicationAsync_ChunkedBodyUpToTheLimit_IsRead(int bytes)
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState(), faults: new FaultPlan { OversizedBodyEvery = 1, OversizedBodyBytes = bytes });
        using var client = Client(simulator, options: Fast with { MaxResponseBytes = 64 * 1024 });

        var app = await client.GetApplicationAsync(simulator.State.AwsAppId!, CancellationToken.None);

        Assert.Equal(simulator.State.AwsAppId, app.Id);
    }

    [Fact]
    public async Task GetApplicationAsync_ChunkedBodyOneByteOverTheLimit_FailsWithoutRetrying()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState(), faults: new FaultPlan { OversizedBodyEvery = 1, OversizedBodyBytes = 64 * 1024 + 1 });
        using var counter = new ExchangeCounter();
        using var client = Client(simulator, options: Fast with { MaxResponseBytes = 64 * 1024 }, handler: counter);

        var error = await Assert.ThrowsAsync<OktaResponseTooLargeException>(() => client.GetApplicationAsync(simulator.State.AwsAppId!, CancellationToken.None));

        Assert.Equal($"Okta's answer to GET /api/v1/apps/{simulator.State.AwsAppId} is larger than 65536 bytes, the most the client reads of one response; stopped reading it.", error.Message);
        Assert.Equal(1, counter.Sent);
    }

    [Fact]
    public async Task GetApplicationAsync_NothingListeningOnLoopback_FailsAtOnceWithoutRetrying()
    {
        using var reserved = new TcpListener(IPAddress.Loopback, 0);
        reserved.Start();
        var port = ((IPEndPoint)reserved.LocalEndpoint).Port;
        reserved.Stop();
        using var counter = new ExchangeCounter();
        using var client = new OktaClient(OktaDomain.Parse($"http://127.0.0.1:{port}"), OktaApiToken.Parse(TestSimulator.Token), Fast, handler: counter);

        var error = await Assert.ThrowsAsync<OktaUnreachableException>(() => client.GetApplicationAsync("0oaunreachable", CancellationToken.None));

        Assert.Equal(1, counter.Sent);
        Assert.Equal($"Could not reach Okta at 127.0.0.1:{port} for GET /api/v1/apps/0oaunreachable: nothing accepts connections there (connection refused); not retried.", error.Message);
    }

    [Fact]
    public async Task GetApplicationAsync_HostNameThatDoesNotResolve_FailsAtOnceWithoutRetrying()
    {
        using var counter = new ExchangeCounter();
        using var client = new OktaClient(OktaDomain.Parse("no-such-org.invalid"), OktaApiToken.Parse(TestSimulator.Token), Fast, handler: counter);

        var error = await Assert.ThrowsAsync<OktaUnreachableException>(() => client.GetApplicationAsync("0oaunresolvable", CancellationToken.None));

        Assert.Equal(1, counter.Sent);
        Assert.StartsWith("Could not reach Okta at no-such-org.invalid for GET /api/v1/apps/0oaunresolvable: the host name does not resolve (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("); not retried.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetApplicationAsync_TlsHandshakeFails_FailsAtOnceWithoutRetrying()
    {
        using var notTls = new TcpListener(IPAddress.Loopback, 0);
        notTls.Start();
        var port = ((IPEndPoint)notTls.LocalEndpoint).Port;
        var server = AnswerPlainTextAsync(notTls);
        using var counter = new ExchangeCounter();
        using var client = new OktaClient(OktaDomain.Parse($"https://127.0.0.1:{port}"), OktaApiToken.Parse(TestSimulator.Token), Fast, handler: counter);

        var error = await Assert.ThrowsAsync<OktaUnreachableException>(() => client.GetApplicationAsync("0oanotls", CancellationToken.None));

        Assert.Equal(1, counter.Sent);
        Assert.StartsWith($"Could not reach Okta at 127.0.0.1:{port} for GET /api/v1/apps/0oanotls: the TLS handshake failed (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("); not retried.", error.Message, StringComparison.Ordinal);
        notTls.Stop();
        await server;
    }

    private static readonly OktaClientOptions Fast = new()
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        RetryMaxDelay = TimeSpan.FromMilliseconds(20),
        RateLimitJitter = TimeSpan.FromMilliseconds(20),
    };

    private static OktaClient Client(OktaSimulatorServer simulator, FakeClockDriver? clock = null, CapturingLoggerFactory? logs = null, OktaClientOptions? options = null, ExchangeCounter? handler = null) =>
        new(OktaDomain.Parse(simulator.Domain()), OktaApiToken.Parse(TestSimulator.Token), options ?? Fast, logs, clock?.Time, handler ?? clock?.Exchanges);

    /// <summary>
    /// The simulator's request log once it holds <paramref name="count"/> entries: it logs a request after its
    /// answer went out, so the client can be done a moment before the log is.
    /// </summary>
    private static async Task<IReadOnlyList<RequestLogEntry>> LoggedAsync(OktaSimulatorServer simulator, int count)
    {
        await simulator.Requests.WhenCountAsync(count).WaitAsync(TimeSpan.FromSeconds(30));
        return simulator.Requests.Entries;
    }

    /// <summary>The Content-Length the simulator announces for <paramref name="path"/> (it fails the test when there is none).</summary>
    private static async Task<long> ContentLengthAsync(OktaSimulatorServer simulator, string path)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(simulator.Domain() + path));
        request.Headers.TryAddWithoutValidation("Authorization", "SSWS " + TestSimulator.Token);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var length = Assert.NotNull(response.Content.Headers.ContentLength);
        Assert.True(length > 64 * 1024, $"the answer is {length} bytes, under the least limit the client takes");
        return length;
    }

    private static async Task<List<string>> AppUserIdsAsync(OktaClient client, string appId)
    {
        var ids = new List<string>();
        await foreach (var page in client.ListAppUsersAsync(appId, null, CancellationToken.None))
        {
            ids.AddRange(page.Items.Select(u => $"{u.Id} {u.Embedded?.User?.Profile?.Login} {string.Join(',', u.Profile?.SamlRoles ?? [])}"));
        }

        return ids;
    }

    /// <summary>Reads a list to its end, or fails the test after 20 pages (a client that loops).</summary>
    private static async Task ReadAllAsync<T>(IAsyncEnumerable<Core.Okta.Paging.OktaPage<T>> pages)
    {
        var count = 0;
        await foreach (var _ in pages)
        {
            Assert.True(++count < 20, "the client kept following next links");
        }
    }

    /// <summary>Answers every connection with plain HTTP, which a TLS client cannot take for a handshake.</summary>
    private static async Task AnswerPlainTextAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                using var connection = await listener.AcceptTcpClientAsync();
                var stream = connection.GetStream();
                await stream.WriteAsync("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException)
        {
            // The test stopped the listener.
        }
    }
}
