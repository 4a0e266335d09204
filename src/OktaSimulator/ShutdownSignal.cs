using System.Runtime.InteropServices;

namespace OktaSimulator;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM as a cancellation token for the okta-simulator process: the signal is taken (the
/// runtime's default would end the process at once, with 130 or 143) so the server can stop and the process exit 0.
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;

    public ShutdownSignal()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        ];
    }

    public CancellationToken Token => _stop.Token;

    /// <summary>The signal that asked the process to stop, once one has.</summary>
    public PosixSignal? Received { get; private set; }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        Received ??= context.Signal;
        _stop.Cancel();
    }
}
