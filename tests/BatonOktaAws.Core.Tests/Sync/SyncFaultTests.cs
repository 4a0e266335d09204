using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Errors;
using BatonOktaAws.TestSupport;
using Microsoft.Data.Sqlite;
using OktaSimulator.Fixtures;
using OktaSimulator.Http;

namespace BatonOktaAws.Core.Tests.Sync;

/// <summary>
/// Okta misbehaving, as the simulator injects it: a sync either completes with exactly the access of a
/// fault-free run, or fails with a one-line reason — never with a partial or damaged sync file.
/// </summary>
public sealed class SyncFaultTests
{
    public static TheoryData<string, FaultPlan> Faults => new()
    {
        { "429 on every third request", new FaultPlan { TooManyRequestsEvery = 3 } },
        { "5xx on every tenth request", new FaultPlan { ServerErrorEvery = 10 } },
        { "5xx on every second request", new FaultPlan { ServerErrorEvery = 2 } },
        { "connection reset on every seventh request", new FaultPlan { ConnectionResetEvery = 7 } },
        { "truncated JSON on every fifth response", new FaultPlan { MalformedJsonEvery = 5 } },
        { "one response slower than the client timeout", new FaultPlan { SlowResponseEvery = 4, MaxFaults = 1, SlowResponseDelay = TimeSpan.FromSeconds(10) } },
        { "all of them at once", new FaultPlan { TooManyRequestsEvery = 3, ServerErrorEvery = 10, ConnectionResetEvery = 7, MalformedJsonEvery = 11 } },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task RunAsync_OktaMisbehaving_CompletesWithTheFaultFreeAccessOrFailsLeavingThePreviousFile(string description, FaultPlan plan)
    {
        var state = OrgGenerator.Generate(OrgShape.Small);
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);
        await harness.SyncAsync();
        var faultFree = harness.AccessRows();
        var previous = await File.ReadAllBytesAsync(harness.FilePath);

        simulator.Faults.Install(plan);
        var options = SyncHarness.FastRetries with { RequestTimeout = TimeSpan.FromSeconds(1) };
        try
        {
            await harness.SyncAsync(clientOptions: options);
            Assert.True(simulator.Faults.Injected > 0, description);
            Assert.Equal(faultFree, harness.AccessRows());
        }
        catch (OktaException ex)
        {
            Assert.DoesNotContain('\n', ex.Message);
            Assert.Equal(previous, await File.ReadAllBytesAsync(harness.FilePath));
        }
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
