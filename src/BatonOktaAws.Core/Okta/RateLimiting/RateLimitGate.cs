namespace BatonOktaAws.Core.Okta.RateLimiting;

/// <summary>
/// Paces requests per bucket so the token stops at its share of the limit instead of being refused.
/// Each bucket counts down locally as requests go out and re-syncs from every response's headers
/// (subtracting requests sent after the one answered, which the server had not yet counted). When the
/// token's share is spent, requests wait until the window resets; the first request of a window, whose
/// limits are not known yet, goes alone and the rest wait for its headers.
/// </summary>
public sealed class RateLimitGate
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly double _tokenShare;
    private readonly TimeSpan _maxJitter;
    private readonly Action<string, TimeSpan>? _onWait;
    private long _sequence;

    /// <param name="time">The clock; waits use it, so tests advance a fake one instead of sleeping.</param>
    /// <param name="tokenShare">The share of each bucket this token may use (Okta's default: 0.5).</param>
    /// <param name="maxJitter">Random extra wait after a reset, so many clients do not stampede at once.</param>
    /// <param name="onWait">Told (bucket, delay) whenever requests must wait for a window to reset.</param>
    public RateLimitGate(TimeProvider time, double tokenShare, TimeSpan maxJitter, Action<string, TimeSpan>? onWait = null)
    {
        if (tokenShare is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(tokenShare), tokenShare, "The token's share of a rate limit must be in (0, 1].");
        }

        _time = time;
        _tokenShare = tokenShare;
        _maxJitter = maxJitter;
        _onWait = onWait;
    }

    /// <summary>Waits until a request in <paramref name="bucket"/> may be sent.</summary>
    public async ValueTask<RateLimitTicket> AcquireAsync(string bucket, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (_lock)
            {
                var state = Get(bucket);
                var now = _time.GetUtcNow();
                if (state.ResetAt is { } resetAt && now >= resetAt)
                {
                    state.Left = null;
                    state.ResetAt = null;
                }

                if (state.Left is null)
                {
                    if (state.Probe is null)
                    {
                        state.Probe = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        return Issue(state, bucket, probe: true);
                    }

                    wait = state.Probe.Task;
                }
                else if (state.Left > 0)
                {
                    state.Left--;
                    return Issue(state, bucket, probe: false);
                }
                else
                {
                    var delay = state.ResetAt!.Value - now + Jitter();
                    _onWait?.Invoke(bucket, delay);
                    wait = Task.Delay(delay, _time, cancellationToken);
                }
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records the response to a ticket's request; <paramref name="headers"/> null when it carried none.</summary>
    public void Complete(RateLimitTicket ticket, RateLimitHeaders? headers)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        lock (_lock)
        {
            var state = Get(ticket.Bucket);
            state.InFlight.Remove(ticket.Sequence);
            var now = _time.GetUtcNow();
            if (headers is null)
            {
                if (state.Left is null)
                {
                    // No rate-limit headers at all: nothing to pace by until the next window.
                    state.Left = int.MaxValue;
                    state.ResetAt = now.AddMinutes(1);
                }
            }
            else
            {
                var notYetCounted = state.InFlight.Count(s => s > ticket.Sequence);
                var left = Math.Max(0, headers.RemainingForToken(_tokenShare) - notYetCounted);
                var resetAt = now + headers.UntilReset(now);
                if (state.ResetEpoch is null || headers.ResetEpochSeconds > state.ResetEpoch)
                {
                    state.ResetEpoch = headers.ResetEpochSeconds;
                    state.ResetAt = resetAt;
                    state.Left = left;
                }
                else if (headers.ResetEpochSeconds == state.ResetEpoch)
                {
                    state.Left = Math.Min(state.Left ?? left, left);
                    state.ResetAt = state.ResetAt is { } known && known > resetAt ? known : resetAt;
                }

                // A response from an older window says nothing about this one.
            }

            ReleaseProbe(state, ticket);
        }
    }

    /// <summary>The request failed without a response (connection error, timeout, cancellation).</summary>
    public void Abandon(RateLimitTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        lock (_lock)
        {
            var state = Get(ticket.Bucket);
            state.InFlight.Remove(ticket.Sequence);
            ReleaseProbe(state, ticket);
        }
    }

    /// <summary>What the gate believes a bucket has left (null while unknown); for diagnostics and tests.</summary>
    public int? Left(string bucket)
    {
        lock (_lock)
        {
            return _buckets.TryGetValue(bucket, out var state) ? state.Left : null;
        }
    }

    private RateLimitTicket Issue(BucketState state, string bucket, bool probe)
    {
        var sequence = ++_sequence;
        state.InFlight.Add(sequence);
        return new RateLimitTicket(bucket, sequence, probe);
    }

    private static void ReleaseProbe(BucketState state, RateLimitTicket ticket)
    {
        if (ticket.IsProbe && state.Probe is { } probe)
        {
            state.Probe = null;
            probe.TrySetResult();
        }
    }

    private TimeSpan Jitter() =>
        _maxJitter <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks((long)(Random.Shared.NextDouble() * _maxJitter.Ticks));

    private BucketState Get(string bucket)
    {
        if (!_buckets.TryGetValue(bucket, out var state))
        {
            state = new BucketState();
            _buckets[bucket] = state;
        }

        return state;
    }

    private sealed class BucketState
    {
        public int? Left { get; set; }
        public DateTimeOffset? ResetAt { get; set; }
        public long? ResetEpoch { get; set; }
        public TaskCompletionSource? Probe { get; set; }
        public HashSet<long> InFlight { get; } = [];
    }
}
