namespace BatonOktaAws.Cli;

/// <summary>
/// Ctrl-C and SIGTERM: the first asks the run to stop safely (a sync keeps its partial file and leaves the
/// previous sync file alone; provisioning finishes reporting what it did); the second ends the process at once
/// with exit code 130, for when stopping safely takes too long.
/// </summary>
internal sealed class Interrupts : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly Action<int> _exit;
    private int _count;

    /// <param name="exit">Ends the process with the given code (Environment.Exit; a spy in tests).</param>
    public Interrupts(Action<int> exit) => _exit = exit;

    public CancellationToken Token => _cancellation.Token;

    public void Interrupt()
    {
        if (Interlocked.Increment(ref _count) == 1)
        {
            _cancellation.Cancel();
        }
        else
        {
            _exit(ExitCode.Cancelled);
        }
    }

    public void Dispose() => _cancellation.Dispose();
}
