using BatonOktaAws.Core.Aws;
using System.Collections.Concurrent;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Errors;
using BatonOktaAws.Core.Okta.RateLimiting;
using BatonOktaAws.Core.Sync;
using BatonOktaAws.Core.Tests.Okta;
using BatonOktaAws.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OktaSimulator.Fixtures;
using OktaSimulator.Http;
using SimBucket = OktaSimulator.Http.RateLimitBucket;

namespace BatonOktaAws.Core.Tests.Sync;

/// <summary>
/// Okta misbehaving, as the simulator injects it. A fault that retrying cures (a reset, a 5xx, a 429, a slow
/// response, a body cut short) must end in exactly the access of a fault-free run; one that it cannot must end
/// in a one-line reason — never in a partial or damaged sync file. The faulted runs go on a fake clock shared
/// with the simulator (<see cref="FakeClockDriver"/>), so rate-limit waits and timeouts take no real time.
/// </summary>
public sealed class SyncFaultTests
{
    private static readonly DateTimeOffset TenPastNine = new(2026, 3, 2, 9, 0, 10, TimeSpan.Zero);

    /// <summary>Retries generous enough that bad luck in how the faults fall cannot use them up.</summary>
    private static readonly OktaClientOptions Retrying = new() { RequestTimeout = TimeSpan.FromSeconds(5), MaxRetries = 12 };

    public static TheoryData<string, FaultPlan> TransientFaults => new()
    {
        { "429 on every third request, resetting a second ahead", new FaultPlan { TooManyRequestsEvery = 3 } },
        { "429 on every fourth request, with a reset already past", new FaultPlan { TooManyRequestsEvery = 4, TooManyRequestsResetAfter = TimeSpan.FromSeconds(-3) } },
        { "5xx on every tenth request", new FaultPlan { ServerErrorEvery = 10 } },
        { "5xx on every third request", new FaultPlan { ServerErrorEvery = 3 } },
        { "connection reset on every seventh request", new FaultPlan { ConnectionResetEvery = 7 } },
        { "JSON cut in half on every fifth response", new FaultPlan { MalformedJsonEvery = 5 } },
        { "body cut short of its Content-Length on every sixth response", new FaultPlan { TruncatedBodyEvery = 6 } },
        { "every fourth response slower than the request timeout", new FaultPlan { SlowResponseEvery = 4, SlowResponseDelay = TimeSpan.FromSeconds(30) } },
        { "all of them at once", new FaultPlan { TooManyRequestsEvery = 5, ServerErrorEvery = 11, ConnectionResetEvery = 13, MalformedJsonEvery = 17, TruncatedBodyEvery = 19, SlowResponseEvery = 23 } },
    };

    public static TheoryData<string, FaultPlan, string> UnrecoverableFaults => new()
    {
        { "5xx on every request for group members", new FaultPlan { ServerErrorEvery = 1, PathPrefix = "/api/v1/groups/" }, "Okta answered 500 E0000009 to GET /api/v1/groups/" },
        { "malformed JSON on every request for group members", new FaultPlan { MalformedJsonEvery = 1, PathPrefix = "/api/v1/groups/" }, "Okta sent malformed JSON for GET /api/v1/groups/" },
        { "a next link back to the page itself", new FaultPlan { RepeatedNextLinkEvery = 1, PathPrefix = "/api/v1/groups/" }, "leads back to a page this list already read" },
        { "a body larger than the client reads", new FaultPlan { OversizedBodyEvery = 1, OversizedBodyBytes = 2 * 1024 * 1024, PathPrefix = "/api/v1/groups/" }, "is larger than 1 MiB" },
    };

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task RunAsync_TransientFault_RetriesAndEndsWithTheFaultFreeAccess(string description, FaultPlan plan)
    {
        var time = new FakeTimeProvider(TenPastNine);
        var state = OrgGenerator.Generate(OrgShape.Small);
        await using var simulator = await TestSimulator.StartAsync(state, time: time);
        using var harness = new SyncHarness(simulator);
        await harness.SyncAsync();
        var faultFree = harness.AccessRows();

        simulator.Faults.Install(plan);
        await using var clock = new FakeClockDriver(time, simulator.Faults);
        await SyncOnTheClockAsync(harness, clock, Retrying).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(simulator.Faults.Injected > 0, description);
        Assert.Equal(faultFree, harness.AccessRows());
    }

    [Theory]
    [MemberData(nameof(UnrecoverableFaults))]
    public async Task RunAsync_UnrecoverableFault_FailsWithOneLineNamingTheRequestAndKeepsThePreviousFile(string description, FaultPlan plan, string expected)
    {
        var time = new FakeTimeProvider(TenPastNine);
        var state = OrgGenerator.Generate(OrgShape.Small);
        await using var simulator = await TestSimulator.StartAsync(state, time: time);
        using var harness = new SyncHarness(simulator);
        await harness.SyncAsync();
        var previous = await File.ReadAllBytesAsync(harness.FilePath);

        simulator.Faults.Install(plan);
        await using var clock = new FakeClockDriver(time, simulator.Faults);
        var error = await Assert.ThrowsAnyAsync<OktaException>(() => SyncOnTheClockAsync(harness, clock, Retrying with { MaxRetries = 2, MaxResponseBytes = 1024 * 1024 }).WaitAsync(TimeSpan.FromMinutes(2)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain(TestSimulator.Token, error.Message, StringComparison.Ordinal);
        Assert.Equal(previous, await File.ReadAllBytesAsync(harness.FilePath));
        Assert.True(simulator.Faults.Injected > 0, description);
    }

    [Fact]
    public async Task RunAsync_OktaDefaultLimitsWithTheTokenShareSpent_WaitsForTheWindowsAndFinishesWithoutATimeout()
    {
        // Another run with the same token has just spent its share of the apps and groups buckets; the windows
        // reset in 50 s, far longer than the 10 s request timeout, and the groups need three windows anyway.
        var time = new FakeTimeProvider(TenPastNine);
        var state = OrgGenerator.Generate(TestShapes.SeveralPages);
        await using var simulator = await TestSimulator.StartAsync(state, RateLimitSettings.OktaDefaults, time: time);
        simulator.RateLimiter.Spend(SimBucket.Apps, TestSimulator.Token, 50);
        simulator.RateLimiter.Spend(SimBucket.Groups, TestSimulator.Token, 300);
        using var harness = new SyncHarness(simulator);
        await using var clock = new FakeClockDriver(time, simulator.Faults);
        var logs = new CapturingLoggerFactory();
        var waits = new ConcurrentQueue<RateLimitWait>();

        await SyncOnTheClockAsync(harness, clock, new OktaClientOptions { RequestTimeout = TimeSpan.FromSeconds(10) }, logs, waits.Enqueue).WaitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(ExpectedAccess.From(state), harness.AccessRows());
        Assert.True(time.GetUtcNow() >= TenPastNine.AddSeconds(110), $"finished at {time.GetUtcNow():HH:mm:ss}: it cannot have waited for the windows");
        // No request timed out, nor was retried for anything but a 429 (those are noted at debug level only).
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains("request timeout", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Level >= LogLevel.Warning);
        Assert.Contains(waits, w => w.Bucket == SimBucket.Apps);
        Assert.Contains(waits, w => w.Bucket == SimBucket.Groups);
        Assert.Equal(waits.Count, logs.Lines.Count(l => l.Message.StartsWith("Requests to /api/v1/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunAsync_OtherIntegrationsSpendingTheBuckets_FinishesWithFewRateLimitRefusals()
    {
        // Two other integrations spend the apps and groups buckets in every window, one in a burst as the
        // window opens, one steadily; this token paces by what the headers say is left.
        var time = new FakeTimeProvider(TenPastNine);
        var state = OrgGenerator.Generate(TestShapes.SeveralPages);
        var limits = RateLimitSettings.OktaDefaults with
        {
            OtherClients =
            [
                new OtherClientLoad(SimBucket.Apps, "sso-dashboard") { AtWindowStart = 40, TokenShare = 1.0 },
                new OtherClientLoad(SimBucket.Groups, "sso-dashboard") { AtWindowStart = 250, TokenShare = 1.0 },
                new OtherClientLoad(SimBucket.Groups, "hr-import") { PerMinute = 200 },
            ],
        };
        await using var simulator = await TestSimulator.StartAsync(state, limits, time: time);
        using var harness = new SyncHarness(simulator);
        await using var clock = new FakeClockDriver(time, simulator.Faults);

        await SyncOnTheClockAsync(harness, clock, new OktaClientOptions { RequestTimeout = TimeSpan.FromSeconds(10) }).WaitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(ExpectedAccess.From(state), harness.AccessRows());
        var minutes = (int)Math.Ceiling((time.GetUtcNow() - TenPastNine).TotalMinutes);
        Assert.InRange(simulator.Requests.Entries.Count(e => e.Status == 429), 0, minutes * 8);
    }

    [Fact]
    public async Task RunAsync_ServerErrorsBeyondTheRetryBudget_FailsWithOneLineAndKeepsThePreviousFile()
    {
        var state = OrgGenerator.Generate(OrgShape.Small);
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);
        await harness.SyncAsync();
        var previous = await File.ReadAllBytesAsync(harness.FilePath);

        simulator.Faults.Install(new FaultPlan { ServerErrorEvery = 1, PathPrefix = "/api/v1/apps/" + state.AwsAppId + "/users" });
        var error = await Assert.ThrowsAsync<OktaException>(() => harness.SyncAsync(clientOptions: SyncHarness.FastRetries with { MaxRetries = 2 }));

        Assert.Equal($"Okta answered 500 E0000009 to GET /api/v1/apps/{state.AwsAppId}/users (gave up after 3 attempts)", error.Message);
        Assert.Equal(previous, await File.ReadAllBytesAsync(harness.FilePath));
    }

    [Fact]
    public async Task RunAsyncWithResume_AfterAFailedSync_FetchesOnlyThePagesNotYetWrittenAndEqualsAOneShotSync()
    {
        var state = OrgGenerator.Generate(TestShapes.SeveralPages);
        await using var simulator = await TestSimulator.StartAsync(state);
        using var oneShot = new SyncHarness(simulator);
        var reference = await oneShot.SyncAsync();
        using var interrupted = new SyncHarness(simulator);
        var groupWithTwoPages = state.Apps[state.AwsAppId!].GroupAssignments.Keys.First(g => state.Groups[g].Members.Count > 1_000);

        // The second page of the big group's members fails for good: the run stops part-way.
        simulator.Faults.Install(new FaultPlan { ServerErrorEvery = 2, PathPrefix = $"/api/v1/groups/{groupWithTwoPages}/users" });
        await Assert.ThrowsAsync<OktaException>(() => interrupted.SyncAsync(clientOptions: SyncHarness.FastRetries with { MaxRetries = 0 }));
        var committedPages = CommittedPages(interrupted.FilePath + ".partial");
        Assert.InRange(committedPages, 1, reference.Requests - 4);

        simulator.Faults.Install(FaultPlan.None);
        simulator.Requests.Clear();
        var resumed = await interrupted.SyncAsync(o => o with { Resume = true });

        Assert.True(resumed.Resumed);
        var listPagesInOneShot = reference.Requests - 3;
        Assert.Equal(listPagesInOneShot - committedPages, simulator.Requests.Count - 3);
        Assert.False(File.Exists(interrupted.FilePath + ".partial"));
        foreach (var table in new[] { "resources", "entitlements", "grants", "grant_sources", "okta_app_users", "okta_app_groups", "aws_apps", "aws_role_list" })
        {
            Assert.Equal(Dump(oneShot.FilePath, table), Dump(interrupted.FilePath, table));
        }
    }

    [Fact]
    public async Task RunAsyncWithResume_WithoutAPartialFile_IsAPlainSync()
    {
        var state = OrgFixture.Demo().ToState();
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync(o => o with { Resume = true });

        Assert.False(result.Resumed);
        Assert.Equal(ExpectedAccess.From(state), harness.AccessRows());
    }

    [Fact]
    public async Task RunAsync_WhileAnotherSyncHoldsTheFile_RefusesWithALockError()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        using var harness = new SyncHarness(simulator);
        using var held = Store.SyncFileLock.Acquire(new Store.SyncFilePaths(harness.FilePath));

        var error = await Assert.ThrowsAsync<Store.SyncFileLockedException>(() => harness.SyncAsync());

        Assert.StartsWith($"Another baton-okta-aws run is using {harness.FilePath}", error.Message, StringComparison.Ordinal);
        Assert.Empty(simulator.Requests.Entries);
    }

    /// <summary>Runs the sync engine (as it is called today) with a client on the shared fake clock.</summary>
    private static async Task SyncOnTheClockAsync(SyncHarness harness, FakeClockDriver clock, OktaClientOptions options, CapturingLoggerFactory? logs = null, Action<RateLimitWait>? onWait = null)
    {
        using var client = new OktaClient(OktaDomain.Parse(harness.Simulator.Domain()), OktaApiToken.Parse(TestSimulator.Token), options, logs, clock.Time, clock.Exchanges);
        if (onWait is not null)
        {
            client.RateLimitWaiting += onWait;
        }

        await new SyncEngine(client).RunAsync(new SyncOptions { Apps = AppSelection.Parse(harness.Simulator.State.AwsAppId!), FilePath = harness.FilePath }, CancellationToken.None);
    }

    private static long CommittedPages(string partial)
    {
        using var db = new SqliteConnection($"Data Source={partial};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT COALESCE(SUM(pages), 0) FROM sync_streams";
        return (long)command.ExecuteScalar()!;
    }

    private static IReadOnlyList<string> Dump(string file, string table)
    {
        using var reader = Store.SyncFileReader.Open(file);
        return reader.Latest().DumpTable(table);
    }
}
