namespace OktaSimulator.Http;

/// <summary>Decides, request by request, which fault of the installed <see cref="FaultPlan"/> applies.</summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private FaultPlan _plan = FaultPlan.None;
    private long _counted;
    private int _injected;
    private int _slowResponsesHeld;

    public FaultPlan Plan
    {
        get
        {
            lock (_gate)
            {
                return _plan;
            }
        }
    }

    /// <summary>Installs a plan and restarts its counters.</summary>
    public void Install(FaultPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        lock (_gate)
        {
            _plan = plan;
            _counted = 0;
            _injected = 0;
        }
    }

    public int Injected
    {
        get
        {
            lock (_gate)
            {
                return _injected;
            }
        }
    }

    /// <summary>
    /// Requests being held right now by a slow-response fault. A test that drives a fake clock moves it on
    /// only when every request in flight is one of these (so it never jumps past a client's timeout while
    /// the simulator is still working).
    /// </summary>
    public int SlowResponsesHeld => Volatile.Read(ref _slowResponsesHeld);

    internal void Holding(bool start)
    {
        if (start)
        {
            Interlocked.Increment(ref _slowResponsesHeld);
        }
        else
        {
            Interlocked.Decrement(ref _slowResponsesHeld);
        }
    }

    public TimeSpan LatencyFor(FaultPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var jitter = plan.LatencyJitter > TimeSpan.Zero
            ? TimeSpan.FromTicks((long)(Random.Shared.NextDouble() * plan.LatencyJitter.Ticks))
            : TimeSpan.Zero;
        return plan.Latency + jitter;
    }

    public FaultKind Next(string path)
    {
        lock (_gate)
        {
            var plan = _plan;
            if (plan.PathPrefix is not null && !path.StartsWith(plan.PathPrefix, StringComparison.Ordinal))
            {
                return FaultKind.None;
            }

            var n = ++_counted;
            if (plan.MaxFaults is { } max && _injected >= max)
            {
                return FaultKind.None;
            }

            var fault = Every(plan.ConnectionResetEvery, n) ? FaultKind.ConnectionReset
                : Every(plan.ServerErrorEvery, n) ? FaultKind.ServerError
                : Every(plan.TooManyRequestsEvery, n) ? FaultKind.TooManyRequests
                : Every(plan.SlowResponseEvery, n) ? FaultKind.SlowResponse
                : Every(plan.MalformedJsonEvery, n) ? FaultKind.MalformedJson
                : Every(plan.TruncatedBodyEvery, n) ? FaultKind.TruncatedBody
                : Every(plan.OversizedBodyEvery, n) ? FaultKind.OversizedBody
                : Every(plan.RepeatedNextLinkEvery, n) ? FaultKind.RepeatedNextLink
                : FaultKind.None;
            if (fault != FaultKind.None)
            {
                _injected++;
            }

            return fault;
        }
    }

    private static bool Every(int every, long n) => every > 0 && n % every == 0;
}
