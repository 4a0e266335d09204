using Microsoft.Extensions.Time.Testing;
using OktaSimulator.Http;

namespace BatonOktaAws.Core.Tests.Okta;

/// <summary>
/// Moves a fake clock, shared by the simulator and the client, whenever nothing is happening on the real one:
/// when the client has no HTTP exchange open, or only ones the simulator holds on the fake clock (a
/// slow-response fault). Rate-limit windows, retry delays and timeouts then take no real time, and the clock
/// never jumps while Okta is busy answering — so a timeout fires only where a real one would.
/// </summary>
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
