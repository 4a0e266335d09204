using BatonOktaAws.Store;
using BatonOktaAws.TestSupport;
using OktaSimulator;
using OktaSimulator.Fixtures;
using OktaSimulator.Http;

namespace BatonOktaAws.Cli.Tests;

/// <summary>Real processes, killed with SIGKILL or racing for the same file: the previous sync file always survives.</summary>
public sealed class CrashSafetyTests : IAsyncLifetime, IDisposable
{
    /// <summary>Bounds waits on the child process and the simulator; never what decides when a test acts.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    /// <summary>Stands for the full sync's last request in <see cref="Sync_KilledWhileRequestNIsHeld_LeavesThePreviousFileIntactAndTheNextRunCleansUp"/>.</summary>
    private const int LastRequest = int.MaxValue;

    private readonly TempDirectory _temp = new();
    private OktaSimulatorServer _simulator = null!;
    private string _file = null!;
    private byte[] _previous = null!;
    private IReadOnlyList<ExpectedRow> _expected = null!;
    private long _fullSyncRequests;

    public async Task InitializeAsync()
    {
        var state = OrgGenerator.Generate(OrgShape.Small);
        _simulator = await TestSimulator.StartAsync(state);
        _file = _temp.File("sync.db");
        Assert.Equal(0, (await CliRun.RunAsync(Variables(), "sync")).ExitCode);
        _previous = await File.ReadAllBytesAsync(_file);
        _expected = ExpectedAccess.From(state);
        using (var reader = SyncFileReader.Open(_file))
        {
            _fullSyncRequests = reader.Syncs()[0].Requests;
        }

        await _simulator.Requests.WhenCountAsync((int)_fullSyncRequests).WaitAsync(Bound);
        _simulator.Requests.Clear();
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(14)]
    [InlineData(LastRequest)]
    public async Task Sync_KilledWhileRequestNIsHeld_LeavesThePreviousFileIntactAndTheNextRunCleansUp(int heldRequest)
    {
        Assert.True(_fullSyncRequests > 14, $"a full sync of the small org makes only {_fullSyncRequests} requests");

        var exitCode = await KillSyncAtAsync((int)Math.Min(heldRequest, _fullSyncRequests));

        // The held request was never answered, so the sync cannot have got to the rename: the previous file is
        // there byte for byte, with its access.
        Assert.Equal(137, exitCode);
        Assert.Equal(_previous, await File.ReadAllBytesAsync(_file));
        using (var reader = SyncFileReader.Open(_file))
        {
            Assert.Equal(_expected, ExpectedAccess.Normalize(reader.Latest().Access(new Store.Model.AccessFilter()).Select(r => new ExpectedRow(r.UserId, r.Login!, r.UserStatus!, r.AccountId, r.Role, r.Source, r.AppId))));
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
        Assert.Equal(137, await KillSyncAtAsync(8));
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
        // The first sync holds the file's lock and waits at its second request until the second run is done.
        _simulator.Faults.Install(new FaultPlan { HoldFrom = 2 });
        var first = Task.Run(() => CliRun.RunProcessAsync(Variables().ToDictionary(kv => kv.Key, kv => (string?)kv.Value), "sync"));
        await HeldAsync(first);

        // Had the second run asked Okta anything, the gate would hold it too and it would not come back.
        var second = await CliRun.RunAsync(Variables(), "sync").WaitAsync(Bound);
        _simulator.Faults.Release();
        var firstResult = await first.WaitAsync(Bound);

        Assert.Equal(ExitCode.Failure, second.ExitCode);
        Assert.Equal($"baton-okta-aws: error: Another baton-okta-aws run is using {_file} (its lock {_file}.lock is held); wait for it to finish.", second.Error.Trim().Split('\n')[^1]);
        Assert.Equal(0, firstResult.ExitCode);
        Assert.Equal(_expected, ExpectedAccess.ParseJson((await CliRun.RunAsync(Variables(), "access", "-o", "json")).Out));
    }

    /// <summary>
    /// Runs <c>sync</c> as its own process and SIGKILLs it while the simulator holds its <paramref name="heldRequest"/>th
    /// request (and any after it) with every request before it answered.
    /// </summary>
    /// <returns>The process's exit code: 137 when SIGKILL ended it.</returns>
    private async Task<int> KillSyncAtAsync(int heldRequest)
    {
        _simulator.Faults.Install(new FaultPlan { HoldFrom = heldRequest });
        using var process = CliRun.StartProcess(Variables().ToDictionary(kv => kv.Key, kv => (string?)kv.Value), "sync");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await HeldAsync(process.WaitForExitAsync());
            await _simulator.Requests.WhenCountAsync(heldRequest - 1).WaitAsync(Bound);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(Bound);
            await Task.WhenAll(stdout, stderr).WaitAsync(Bound);
        }

        return process.ExitCode;
    }

    /// <summary>Waits until the simulator holds a request of the run; fails if the run ends first.</summary>
    private async Task HeldAsync(Task runEnded)
    {
        var held = _simulator.Faults.WhenHeldAsync();
        Assert.True(held == await Task.WhenAny(held, runEnded).WaitAsync(Bound), "the run ended before the simulator held its request");
        await held;
    }

    private Dictionary<string, string> Variables() => CliRun.Variables(_simulator, _file);
}
