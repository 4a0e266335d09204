using System.Diagnostics;
using BatonOktaAws.TestSupport;
using OktaSimulator;
using OktaSimulator.Fixtures;
using OktaSimulator.Http;

namespace BatonOktaAws.Cli.Tests;

/// <summary>Ctrl-C: the first stops safely and says what was kept; the second ends the process at once.</summary>
public sealed class InterruptTests : IDisposable
{
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
        simulator.Faults.Install(new FaultPlan { SlowResponseEvery = 1, SlowResponseDelay = TimeSpan.FromMinutes(5), PathPrefix = "/api/v1/groups/", MaxFaults = 1 });
        using var cancellation = new CancellationTokenSource();

        var run = CliRun.RunAsync(variables, cancellation.Token, "sync");
        await WaitUntilAsync(() => simulator.Faults.Injected == 1 || run.IsCompleted);
        await cancellation.CancelAsync();
        var result = await run;

        Assert.Equal(ExitCode.Cancelled, result.ExitCode);
        Assert.Equal(
            $"baton-okta-aws: error: Interrupted: no sync file was written at {file}; what was read so far is kept in {file}.partial. Run 'baton-okta-aws sync --resume' with the same --file and settings to continue from there.",
            CliRun.Lines(result.Error)[^1]);
        Assert.True(File.Exists(file + ".partial"));
        Assert.False(File.Exists(file));
        Assert.Equal(0, (await CliRun.RunAsync(variables, "sync", "--resume")).ExitCode);
    }

    [Fact]
    public async Task Executable_SigintThenAnother_SaysItIsStoppingAndExits130()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgGenerator.Generate(OrgShape.Small));
        simulator.Faults.Install(new FaultPlan { Latency = TimeSpan.FromMilliseconds(200) });
        var variables = CliRun.Variables(simulator, _temp.File("sync.db")).ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        using var process = CliRun.StartProcess(variables, "sync");
        var stderr = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                stderr.Enqueue(e.Data);
            }
        };
        process.BeginErrorReadLine();
        _ = process.StandardOutput.ReadToEndAsync();

        await WaitUntilAsync(() => simulator.Requests.Count > 0 || process.HasExited);
        Signal(process, "INT");
        await WaitUntilAsync(() => stderr.Any(l => l.Contains("Interrupted: stopping safely (press Ctrl-C again to quit at once)", StringComparison.Ordinal)) || process.HasExited);
        if (!process.HasExited)
        {
            Signal(process, "INT");
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(ExitCode.Cancelled, process.ExitCode);
        Assert.Contains(stderr, l => l.Contains("Interrupted: stopping safely", StringComparison.Ordinal));
    }

    private static void Signal(Process process, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!;
        kill.WaitForExit();
    }

    /// <summary>Waits for a condition the test cannot be told about (another process's progress), bounded.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        Assert.True(condition(), "the awaited condition did not happen within 60 s");
    }
}
