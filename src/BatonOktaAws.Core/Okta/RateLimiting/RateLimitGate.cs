namespace BatonOktaAws.Core.Okta.RateLimiting;

/// <summary>
/// Paces requests per bucket so the token stays within what Okta's headers say is left, instead of being
/// refused. Per window a bucket allows the smaller of what the org has left (<c>X-Rate-Limit-Remaining</c>,
/// which other integrations spend too) and the token's share of the limit minus what this client itself sent
/// in the window. It counts down locally as requests go out and re-syncs from every response (subtracting
/// requests sent after the one answered, which the server had not yet counted). The first request of a window,
/// whose limits are not known yet, goes alone and the rest wait for its headers.
/// <para>
/// When nothing is left, or Okta answers 429, every request of the bucket waits for the same moment — the
/// window's reset, or for a 429 <c>Reset - Date + 1 s</c> as Okta's SDKs do, at least one second and backing
/// off exponentially when the reset is already past — and one request goes first to learn the new state.
/// Such a wait is announced once, however many requests wait.
/// </para>
/// </summary>
public sealed class RateLimitGate
{
    public const string TokenShareSpent = "this token's share of the rate limit is spent for this window";
    public const string OrgLimitSpent = "the org's rate limit for this bucket is spent for this window (other integrations use it too)";

    /// <summary>Okta's SDKs never retry a 429 sooner than this.</summary>
    public static readonly TimeSpan ShortestRateLimitWait = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly double _tokenShare;
    private readonly TimeSpan _maxJitter;
    private readonly TimeSpan _maxBackoff;
    private readonly Action<RateLimitWait>? _onWait;
    private long _sequence;

    /// <param name="time">The clock; waits use it, so tests advance a fake one instead of sleeping.</param>
    /// <param name="tokenShare">The share of each bucket this token may use (Okta's default: 0.5).</param>
    /// <param name="maxJitter">Random extra wait after a reset, so many clients do not stampede at once.</param>
    /// <param name="onWait">Told once whenever the requests of a bucket start waiting (or their wait grows).</param>
    /// <param name="maxBackoff">The longest backoff after repeated 429s whose reset is already past.</param>
    public RateLimitGate(TimeProvider time, double tokenShare, TimeSpan maxJitter, Action<RateLimitWait>? onWait = null, TimeSpan? maxBackoff = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (tokenShare is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(tokenShare), tokenShare, "The token's share of a rate limit must be in (0, 1].");
        }

        _time = time;
        _tokenShare = tokenShare;
        _maxJitter = maxJitter;
        _onWait = onWait;
        _maxBackoff = maxBackoff is { } max && max > ShortestRateLimitWait ? max : TimeSpan.FromSeconds(30);
    }

    /// <summary>Waits until a request in <paramref name="bucket"/> may be sent.</summary>
    public async ValueTask<RateLimitTicket> AcquireAsync(string bucket, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            RateLimitWait? started = null;
            lock (_lock)
            {
                var state = Get(bucket);
                var now = _time.GetUtcNow();
                if (state.WaitUntil is { } until && now < until)
                {
                    wait = Delay(until - now, cancellationToken);
                }
                else
                {
                    if (state.Known && state.ResetAt is { } resetAt && now >= resetAt)
                    {
                        // The window has reset: what it had left says nothing about the next one.
                        state.Known = false;
                    }

                    if (!state.Known)
                    {
                        if (state.Probe is null)
                        {
                            state.Probe = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                            return Issue(state, bucket, probe: true);
                        }

                        wait = state.Probe.Task.WaitAsync(cancellationToken);
                    }
                    else if (Math.Min(state.OrgLeft, state.TokenCap - state.Used) > 0)
                    {
                        state.OrgLeft--;
                        return Issue(state, bucket, probe: false);
                    }
                    else
                    {
                        var reason = state.TokenCap - state.Used <= 0 ? TokenShareSpent : OrgLimitSpent;
                        started = WaitUntil(state, bucket, state.ResetAt!.Value + Jitter(), reason, now);
                        wait = Delay(state.WaitUntil!.Value - now, cancellationToken);
                    }
                }
            }

            if (started is not null)
            {
                _onWait?.Invoke(started);
            }

            await wait.ConfigureAwait(false);
        }
    }

    /// <summary>Records the response to a ticket's request (not a 429); <paramref name="headers"/> null when it carried none.</summary>
    public void Complete(RateLimitTicket ticket, RateLimitHeaders? headers)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        lock (_lock)
        {
            var state = Get(ticket.Bucket);
            if (!state.InFlight.Contains(ticket.Sequence))
            {
                return;
            }

            if (ticket.Sequence > state.WaitStartedAt)
            {
                // A request sent after the last wait got through: the next 429 starts the backoff over.
                state.Refusals = 0;
            }

            var now = _time.GetUtcNow();
            if (headers is null)
            {
                if (!state.Known)
                {
                    // No rate-limit headers at all: nothing to pace by until the next window.
                    state.Known = true;
                    state.Window = null;
                    state.OrgLeft = int.MaxValue;
                    state.TokenCap = int.MaxValue;
                    state.Used = 0;
                    state.ResetAt = now.AddMinutes(1);
                }
            }
            else
            {
                Observe(state, ticket, headers, now);
            }

            Settle(state, ticket);
        }
    }

    /// <summary>
    /// Okta answered 429 to a ticket's request: every request of the bucket waits — <c>Reset - Date + 1 s</c>
    /// when the headers give a reset still ahead, else an exponential backoff — never less than a second.
    /// Returns how long from now the bucket waits.
    /// </summary>
    public TimeSpan Refused(RateLimitTicket ticket, RateLimitHeaders? headers)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        RateLimitWait? started;
        TimeSpan left;
        lock (_lock)
        {
            var state = Get(ticket.Bucket);
            var now = _time.GetUtcNow();
            if (ticket.Sequence > state.WaitStartedAt)
            {
                // Refused although sent after the last wait: wait longer this time.
                state.Refusals++;
            }

            // Whatever was believed left was wrong; one request learns the state again after the wait. The
            // 429's own headers only time the wait: on a refusal for concurrency they describe that limit,
            // not the window.
            state.Known = false;
            var fromHeaders = headers?.RetryAfter429(now);
            var delay = fromHeaders ?? Backoff(state.Refusals);
            if (delay < ShortestRateLimitWait)
            {
                delay = ShortestRateLimitWait;
            }

            var reason = fromHeaders is null
                ? "Okta answered 429 (too many requests) with a reset already past, so the client backs off"
                : headers!.Remaining > 0
                    ? "Okta answered 429 (too many requests): " + TokenShareSpent
                    : "Okta answered 429 (too many requests): " + OrgLimitSpent;
            started = WaitUntil(state, ticket.Bucket, now + delay + Jitter(), reason, now);
            left = state.WaitUntil!.Value - now;
            Settle(state, ticket);
        }

        if (started is not null)
        {
            _onWait?.Invoke(started);
        }

        return left;
    }

    /// <summary>The request failed without a response (connection error, timeout, cancellation); a no-op once settled.</summary>
    public void Abandon(RateLimitTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        lock (_lock)
        {
            var state = Get(ticket.Bucket);
            if (state.InFlight.Contains(ticket.Sequence))
            {
                Settle(state, ticket);
            }
        }
    }

    /// <summary>What the gate believes a bucket has left for this token (null while unknown); for diagnostics and tests.</summary>
    public int? Left(string bucket)
    {
        lock (_lock)
        {
            return _buckets.TryGetValue(bucket, out var state) && state.Known ? Math.Max(0, Math.Min(state.OrgLeft, state.TokenCap - state.Used)) : null;
        }
    }

    /// <summary>
    /// Each bucket's use of its current window against the token's share, for buckets whose headers carried
    /// limits and whose window has not reset yet; the most used first.
    /// </summary>
    public IReadOnlyList<RateLimitUse> Usage()
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            return [.. _buckets
                .Where(b => b.Value.Window is not null && b.Value.ResetAt is { } reset && reset > now && b.Value.TokenCap is > 0 and < int.MaxValue)
                .Select(b => new RateLimitUse(b.Key, Math.Min(b.Value.Used, b.Value.TokenCap), b.Value.TokenCap, b.Value.ResetAt!.Value))
                .OrderByDescending(u => (double)u.Used / u.TokenShare)
                .ThenBy(u => u.Bucket, StringComparer.Ordinal)];
        }
    }

    private void Observe(BucketState state, RateLimitTicket ticket, RateLimitHeaders headers, DateTimeOffset now)
    {
        var notYetCounted = state.InFlight.Count(s => s > ticket.Sequence);
        var orgLeft = Math.Max(0, headers.Remaining - notYetCounted);
        var resetAt = now + headers.UntilReset(now);
        if (state.Window is null || headers.ResetEpochSeconds > state.Window)
        {
            // A window this client has not seen: this request and any still in flight may all count in it.
            state.Window = headers.ResetEpochSeconds;
            state.Used = state.InFlight.Count;
            state.TokenCap = headers.TokenCap(_tokenShare);
            state.OrgLeft = orgLeft;
            state.ResetAt = resetAt;
            state.Known = true;
        }
        else if (headers.ResetEpochSeconds == state.Window)
        {
            state.TokenCap = headers.TokenCap(_tokenShare);
            if (state.Known)
            {
                // Answers can arrive out of order; within a window what is left only shrinks.
                state.OrgLeft = Math.Min(state.OrgLeft, orgLeft);
                state.ResetAt = state.ResetAt is { } known && known > resetAt ? known : resetAt;
            }
            else if (state.ResetAt is { } known && now < known)
            {
                // Learning the same window again after a wait: what this token used still counts.
                state.OrgLeft = orgLeft;
                state.Known = true;
            }
        }

        // A response from an older window says nothing about this one.
    }

    /// <summary>Makes every request of the bucket wait until <paramref name="until"/>; returns the wait to announce, if it is new.</summary>
    private RateLimitWait? WaitUntil(BucketState state, string bucket, DateTimeOffset until, string reason, DateTimeOffset now)
    {
        if (state.WaitUntil is { } current && current > now && current >= until)
        {
            return null;
        }

        state.WaitUntil = until;
        state.WaitStartedAt = _sequence;

        // Within a second of the wait last announced (the same window, re-estimated; another refusal of the
        // same burst) it is the same wait.
        if (state.Announced is { } announced && until - announced < TimeSpan.FromSeconds(1))
        {
            return null;
        }

        state.Announced = until;
        return new RateLimitWait(bucket, until, reason);
    }

    private RateLimitTicket Issue(BucketState state, string bucket, bool probe)
    {
        var sequence = ++_sequence;
        state.InFlight.Add(sequence);
        state.Used++;
        return new RateLimitTicket(bucket, sequence, probe);
    }

    private static void Settle(BucketState state, RateLimitTicket ticket)
    {
        state.InFlight.Remove(ticket.Sequence);
        if (ticket.IsProbe && state.Probe is { } probe)
        {
            state.Probe = null;
            probe.TrySetResult();
        }
    }

    /// <summary>
    /// Waits at least <paramref name="left"/>, rounded up to a whole millisecond: timers count due times in whole
    /// milliseconds, so a shorter wait would be due at once and the caller would find the clock unmoved and ask
    /// again — a loop that spins for as long as the clock stands still (forever under a test's fake clock).
    /// </summary>
    private Task Delay(TimeSpan left, CancellationToken cancellationToken)
    {
        var milliseconds = Math.Ceiling(left.TotalMilliseconds);
        return Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, milliseconds)), _time, cancellationToken);
    }

    private TimeSpan Backoff(int refusals)
    {
        var seconds = ShortestRateLimitWait.TotalSeconds * Math.Pow(2, Math.Clamp(refusals - 1, 0, 16));
        return TimeSpan.FromSeconds(Math.Min(seconds, _maxBackoff.TotalSeconds));
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
        /// <summary>Whether the window's limits are known; while not, one probe request goes and the rest wait for it.</summary>
        public bool Known { get; set; }

        /// <summary>The window's <c>X-Rate-Limit-Reset</c>, identifying it.</summary>
        public long? Window { get; set; }

        public DateTimeOffset? ResetAt { get; set; }

        /// <summary>What the org has left in the window, counted down as this client sends.</summary>
        public int OrgLeft { get; set; }

        /// <summary>The token's share of the window's limit.</summary>
        public int TokenCap { get; set; }

        /// <summary>Requests this client sent in the window.</summary>
        public int Used { get; set; }

        /// <summary>Every request of the bucket waits until then (a spent window, or a 429).</summary>
        public DateTimeOffset? WaitUntil { get; set; }

        /// <summary>The end of the wait last announced.</summary>
        public DateTimeOffset? Announced { get; set; }

        /// <summary>The last ticket issued when the current wait began: refusals of earlier tickets are the same refusal.</summary>
        public long WaitStartedAt { get; set; }

        /// <summary>429s in a row for requests sent after a wait, for the backoff.</summary>
        public int Refusals { get; set; }

        public TaskCompletionSource? Probe { get; set; }

        public HashSet<long> InFlight { get; } = [];
    }
}
