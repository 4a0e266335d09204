using Microsoft.Extensions.Time.Testing;
using OktaSimulator.Http;

namespace BatonOktaAws.Core.Tests.Okta;

/// <summary>
/// Moves a fake clock, shared by the simulator and the client, whenever nothing is happening on the real one:
/// when the client has no HTTP exchange open, or only ones the simulator holds on the fake clock (a
/// slow-response fault). Rate-limit windows, retry delays and timeouts then take no real time, and the clock
/// never jumps while Okta is busy answering — so a timeout fires only where a real one would.
/// </summary>
/// <remarks>
/// A loop with a 1 ms delay, not an event, on purpose: the driver must keep moving the clock while the client
/// waits on a timer, and <see cref="FakeTimeProvider"/> tells no one when a timer is created or when the code a
/// fired timer woke has run, so there is no event for "advance now" or "the client has reacted". The delay only
/// yields real time to the client and the simulator; what decides a move is state (no exchange open but held slow
/// responses), and a move is at most one second. The one slack: strides can slip in between a request's timeout
/// starting and its exchange opening (a few lines of the client's code; more than one stride only on a machine
/// loaded enough to stall those lines), which is why the tests' timeouts are ten seconds and more and their
/// assertions are bounds on what the clock reached and what was sent, never checks after a sleep.
/// </remarks>
internal sealed class FakeClockDriver : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly FaultInjector? _faults;
    private readonly TimeSpan _step;
    private readonly Task _loop;

    public FakeClockDriver(FakeTimeProvider time, FaultInjector? faults = null, TimeSpan? step = null)
    {
        Time = time;
        _faults = faults;
        _step = step ?? TimeSpan.FromMilliseconds(250);
        _loop = Task.Run(RunAsync);
    }

    public FakeTimeProvider Time { get; }

    /// <summary>The handler to give the client, so the driver sees its exchanges.</summary>
    public ExchangeCounter Exchanges { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        Exchanges.Dispose();
    }

    private async Task RunAsync()
    {
        var idle = 0;
        while (!_stop.IsCancellationRequested)
        {
            if (Exchanges.Open <= (_faults?.SlowResponsesHeld ?? 0))
            {
                // Longer strides once nothing has happened for a few looks (a wait for a window), never more
                // than a second: the most a stride that slips in as a request starts can take from its timeout.
                Time.Advance(++idle > 8 ? TimeSpan.FromSeconds(1) : _step);
            }
            else
            {
                idle = 0;
            }

            try
            {
                // Real time passing lets the client and the simulator do whatever is not waiting on the clock.
                await Task.Delay(1, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
