using System.Diagnostics;
using BatonOktaAws.TestSupport;
using OktaSimulator;
using OktaSimulator.Fixtures;
using OktaSimulator.Http;

namespace BatonOktaAws.Cli.Tests;

/// <summary>Ctrl-C: the first stops safely and says what was kept; the second ends the process at once.</summary>
public sealed class InterruptTests : IDisposable
{
    /// <summary>Bounds waits on the run and the simulator; never what decides when a test acts.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Interrupt_FirstCancelsAndSecondExitsWith130()
    {
        var exits = new List<int>();
        using var interrupts = new Interrupts(exits.Add);

        interrupts.Interrupt();
        var cancelledAfterFirst = interrupts.Token.IsCancellationRequested;
        var exitsAfterFirst = exits.Count;
        interrupts.Interrupt();

        Assert.True(cancelledAfterFirst);
        Assert.Equal(0, exitsAfterFirst);
        Assert.Equal([ExitCode.Cancelled], exits);
    }

    [Fact]
    public async Task Sync_CancelledMidway_Exits130SayingTheFileIsUnchangedAndHowToResume()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgGenerator.Generate(OrgShape.Small));
        var file = _temp.File("sync.db");
        var variables = CliRun.Variables(simulator, file);
        // The first group-members page waits at the simulator's gate: the sync is midway, its partial file written.
        simulator.Faults.Install(new FaultPlan { HoldFrom = 1, PathPrefix = "/api/v1/groups/" });
        using var cancellation = new CancellationTokenSource();

        var run = CliRun.RunAsync(variables, cancellation.Token, "sync");
        await HeldAsync(simulator, run);
        await cancellation.CancelAsync();
        var result = await run;

        Assert.Equal(ExitCode.Cancelled, result.ExitCode);
        Assert.Equal(
            $"baton-okta-aws: error: Interrupted: no sync file was written at {file}; what was read so far is kept in {file}.partial. Run 'baton-okta-aws sync --resume' with the same --file and settings to continue from there.",
            CliRun.Lines(result.Error)[^1]);
        Assert.True(File.Exists(file + ".partial"));
        Assert.False(File.Exists(file));
        simulator.Faults.Release();
        Assert.Equal(0, (await CliRun.RunAsync(variables, "sync", "--resume")).ExitCode);
    }

    [Fact]
    public async Task Executable_SigintThenAnother_SaysItIsStoppingAndExits130()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgGenerator.Generate(OrgShape.Small));
        simulator.Faults.Install(new FaultPlan { HoldFrom = 1 });
        var variables = CliRun.Variables(simulator, _temp.File("sync.db")).ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        using var process = CliRun.StartProcess(variables, interruptible: true, "sync");
        var stderr = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var stopping = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                stopping.TrySetResult(false);
                return;
            }

            stderr.Enqueue(e.Data);
            if (e.Data.Contains("Interrupted: stopping safely (interrupt again, with Ctrl-C or another SIGTERM, to quit at once)", StringComparison.Ordinal))
            {
                stopping.TrySetResult(true);
            }
        };
        process.BeginErrorReadLine();
        _ = process.StandardOutput.ReadToEndAsync();

        // Its first request waits at the simulator's gate: the sync is under way, its Ctrl-C handling in place.
        await HeldAsync(simulator, process.WaitForExitAsync());
        Signal(process, "INT");
        var saidStopping = await stopping.Task.WaitAsync(Bound);
        if (!process.HasExited)
        {
            Signal(process, "INT");
        }

        await process.WaitForExitAsync().WaitAsync(Bound);

        Assert.True(saidStopping, "standard error ended without the stopping line: " + string.Join(" | ", stderr));
        Assert.Equal(ExitCode.Cancelled, process.ExitCode);
    }

    private static void Signal(Process process, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits until the simulator holds a request of the run; fails if the run ends first.</summary>
    private static async Task HeldAsync(OktaSimulatorServer simulator, Task runEnded)
    {
        var held = simulator.Faults.WhenHeldAsync();
        Assert.True(held == await Task.WhenAny(held, runEnded).WaitAsync(Bound), "the run ended before the simulator held its request");
        await held;
    }
}
