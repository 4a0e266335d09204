namespace OktaSimulator.Http;

/// <summary>Decides, request by request, which fault of the installed <see cref="FaultPlan"/> applies.</summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly WaitableCount _slowResponsesHeld = new();
    private readonly WaitableCount _held = new();
    private FaultPlan _plan = FaultPlan.None;
    private long _counted;
    private int _injected;
    private TaskCompletionSource _released = NewGate();
    private TaskCompletionSource<HeldRequest> _firstHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

    /// <summary>
    /// Installs a plan and restarts its counters. Requests held by the previous plan's gate go on; a
    /// <see cref="WhenHeldAsync"/> still waiting on that plan is cancelled.
    /// </summary>
    public void Install(FaultPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        lock (_gate)
        {
            _plan = plan;
            _counted = 0;
            _injected = 0;
            _released.TrySetResult();
            _released = NewGate();
            _firstHeld.TrySetCanceled();
            _firstHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Requests held at the gate of <see cref="FaultPlan.HoldFrom"/> right now.</summary>
    public int Held => (int)_held.Value;

    /// <summary>
    /// Completes when the installed plan's gate holds its first request (the <see cref="FaultPlan.HoldFrom"/>th
    /// counted one), with that request; at once if it already has.
    /// </summary>
    public Task<HeldRequest> WhenHeldAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return _firstHeld.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Completes when the gate holds at least <paramref name="count"/> requests at once.</summary>
    public Task WhenHoldingAsync(int count, CancellationToken cancellationToken = default) =>
        _held.WhenAtLeastAsync(count, cancellationToken);

    /// <summary>Opens the installed plan's gate: the requests it holds are answered, and it holds no more.</summary>
    public void Release()
    {
        lock (_gate)
        {
            _released.TrySetResult();
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
    public int SlowResponsesHeld => (int)_slowResponsesHeld.Value;

    /// <summary>Completes when at least <paramref name="count"/> requests are held by a slow-response fault at once.</summary>
    public Task WhenSlowResponsesHeldAsync(int count, CancellationToken cancellationToken = default) =>
        _slowResponsesHeld.WhenAtLeastAsync(count, cancellationToken);

    internal void Holding(bool start) => _slowResponsesHeld.Add(start ? 1 : -1);

    /// <summary>
    /// Holds a request that <see cref="Next"/> found <see cref="FaultKind.Held"/> until the gate opens (no wait if it
    /// already has, or a new plan without a gate came in between).
    /// </summary>
    internal async Task HoldAsync(HeldRequest request, CancellationToken cancellationToken)
    {
        Task released;
        lock (_gate)
        {
            if (_plan.HoldFrom <= 0 || _released.Task.IsCompleted)
            {
                return;
            }

            released = _released.Task;
            _held.Add(1);
            _firstHeld.TrySetResult(request);
        }

        try
        {
            await released.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _held.Add(-1);
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
            if (plan.HoldFrom > 0 && n >= plan.HoldFrom && !_released.Task.IsCompleted)
            {
                return FaultKind.Held;
            }

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

    private static TaskCompletionSource NewGate() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
