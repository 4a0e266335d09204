using System.Diagnostics;
using BatonOktaAws.Store;
using BatonOktaAws.TestSupport;
using OktaSimulator;
using OktaSimulator.Fixtures;
using OktaSimulator.Http;

namespace BatonOktaAws.Cli.Tests;

/// <summary>Real processes, killed with SIGKILL or racing for the same file: the previous sync file always survives.</summary>
public sealed class CrashSafetyTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();
    private OktaSimulatorServer _simulator = null!;
    private string _file = null!;
    private byte[] _previous = null!;
    private IReadOnlyList<ExpectedRow> _expected = null!;

    public async Task InitializeAsync()
    {
        var state = OrgGenerator.Generate(OrgShape.Small);
        _simulator = await TestSimulator.StartAsync(state);
        _file = _temp.File("sync.db");
        Assert.Equal(0, (await CliRun.RunAsync(Variables(), "sync")).ExitCode);
        _previous = await File.ReadAllBytesAsync(_file);
        _expected = ExpectedAccess.From(state);
        _simulator.Faults.Install(new FaultPlan { Latency = TimeSpan.FromMilliseconds(60) });
        _simulator.Requests.Clear();
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(14)]
    [InlineData(18)]
    public async Task Sync_KilledAfterSomeRequests_LeavesThePreviousFileIntactAndTheNextRunCleansUp(int requestsBeforeKill)
    {
        var exitCode = await KillSyncAfterAsync(requestsBeforeKill);

        // Either the kill came before the rename (previous file, byte for byte) or after it (a complete new file).
        using (var reader = SyncFileReader.Open(_file))
        {
            Assert.Equal(_expected, ExpectedAccess.Normalize(reader.Latest().Access(new Store.Model.AccessFilter()).Select(r => new ExpectedRow(r.UserId, r.Login!, r.UserStatus!, r.AccountId, r.Role, r.Source, r.AppId))));
        }

        if (requestsBeforeKill < 18)
        {
            Assert.Equal(137, exitCode);
            Assert.Equal(_previous, await File.ReadAllBytesAsync(_file));
        }

        _simulator.Faults.Install(FaultPlan.None);
        var next = await CliRun.RunAsync(Variables(), "sync");
        Assert.Equal(0, next.ExitCode);
        Assert.False(File.Exists(_file + ".partial"));
        Assert.Equal(_expected, ExpectedAccess.ParseJson((await CliRun.RunAsync(Variables(), "access", "-o", "json")).Out));
    }

    [Fact]
    public async Task SyncResume_AfterAKill_FinishesWithTheSameAccessAsAOneShotSync()
    {
        Assert.Equal(137, await KillSyncAfterAsync(8));
        Assert.True(File.Exists(_file + ".partial"));

        _simulator.Faults.Install(FaultPlan.None);
        var resumed = await CliRun.RunAsync(Variables(), "sync", "--resume");

        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains("(resumed)", resumed.Out, StringComparison.Ordinal);
        Assert.Equal(_expected, ExpectedAccess.ParseJson((await CliRun.RunAsync(Variables(), "access", "-o", "json")).Out));
    }

    [Fact]
    public async Task Sync_WhileAnotherSyncOfTheSameFileRuns_RefusesWithALockErrorAndTheFirstFinishes()
    {
        _simulator.Faults.Install(new FaultPlan { Latency = TimeSpan.FromMilliseconds(150) });
        var first = Task.Run(() => CliRun.RunProcessAsync(Variables().ToDictionary(kv => kv.Key, kv => (string?)kv.Value), "sync"));
        await WaitForRequestsAsync(2);

        var second = await CliRun.RunAsync(Variables(), "sync");
        var firstResult = await first;

        Assert.Equal(ExitCode.Failure, second.ExitCode);
        Assert.Equal($"baton-okta-aws: error: Another baton-okta-aws run is using {_file} (its lock {_file}.lock is held); wait for it to finish.", second.Error.Trim().Split('\n')[^1]);
        Assert.Equal(0, firstResult.ExitCode);
        Assert.Equal(_expected, ExpectedAccess.ParseJson((await CliRun.RunAsync(Variables(), "access", "-o", "json")).Out));
    }

    /// <returns>The process's exit code: 137 when SIGKILL ended it.</returns>
    private async Task<int> KillSyncAfterAsync(int requests)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "baton-okta-aws.dll"), "sync"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in Variables())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await WaitForRequestsAsync(requests, process);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    private async Task WaitForRequestsAsync(int count, Process? process = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (_simulator.Requests.Count < count && DateTime.UtcNow < deadline && process?.HasExited != true)
        {
            await Task.Delay(5);
        }
    }

    private Dictionary<string, string> Variables() => CliRun.Variables(_simulator, _file);
}
