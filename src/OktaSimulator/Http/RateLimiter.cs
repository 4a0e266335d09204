namespace OktaSimulator.Http;

/// <summary>What the rate limiter decided for one request, and the headers it implies.</summary>
public readonly record struct RateLimitDecision(bool Allowed, int Limit, int Remaining, long ResetEpochSeconds);

/// <summary>
/// Fixed one-minute windows aligned to the clock minute, per bucket: an org-wide count against the bucket's
/// limit and a per-token count against the token's share of it. Other integrations
/// (<see cref="RateLimitSettings.OtherClients"/>, <see cref="Spend"/>) spend the same windows.
/// </summary>
public sealed class RateLimiter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public RateLimiter(TimeProvider time, RateLimitSettings settings)
    {
        _time = time;
        Settings = settings;
    }

    public RateLimitSettings Settings { get; set; }

    /// <summary>Counts the request of <paramref name="token"/> when allowed; a refused request is not counted.</summary>
    public RateLimitDecision Acquire(string bucket, string token) => Decide(bucket, token, count: true);

    /// <summary>The current state of a bucket, for headers on responses that are not counted (401).</summary>
    public RateLimitDecision Peek(string bucket) => Decide(bucket, token: null, count: false);

    /// <summary>
    /// Spends up to <paramref name="requests"/> of the current window of <paramref name="bucket"/> as
    /// <paramref name="token"/> would (the simulator's own API token models another run with the same token);
    /// returns how many the limits let through.
    /// </summary>
    public int Spend(string bucket, string token, int requests)
    {
        ArgumentNullException.ThrowIfNull(token);
        var spent = 0;
        while (spent < requests && Acquire(bucket, token).Allowed)
        {
            spent++;
        }

        return spent;
    }

    private RateLimitDecision Decide(string bucket, string? token, bool count)
    {
        var settings = Settings;
        var limit = settings.LimitFor(bucket);
        var now = _time.GetUtcNow();
        var nowSeconds = now.ToUnixTimeSeconds();
        var windowStart = nowSeconds - (nowSeconds % 60);
        lock (_gate)
        {
            if (!_windows.TryGetValue(bucket, out var window) || window.Start != windowStart)
            {
                window = new Window(windowStart);
                _windows[bucket] = window;
            }

            SpendOtherClients(window, bucket, settings, limit, now);
            var reset = windowStart + 60;
            if (!count || token is null)
            {
                return new RateLimitDecision(true, limit, Math.Max(0, limit - window.OrgCount), reset);
            }

            if (!TryCount(window, token, TokenCap(limit, settings.TokenShare), limit))
            {
                return new RateLimitDecision(false, limit, Math.Max(0, limit - window.OrgCount), reset);
            }

            return new RateLimitDecision(true, limit, limit - window.OrgCount, reset);
        }
    }

    /// <summary>What the other integrations have spent of this window by now, counted lazily when someone looks.</summary>
    private static void SpendOtherClients(Window window, string bucket, RateLimitSettings settings, int limit, DateTimeOffset now)
    {
        var elapsed = (now - DateTimeOffset.FromUnixTimeSeconds(window.Start)).TotalSeconds;
        foreach (var load in settings.OtherClients)
        {
            if (!string.Equals(load.Bucket, bucket, StringComparison.Ordinal))
            {
                continue;
            }

            var due = load.AtWindowStart + (int)Math.Floor(load.PerMinute * Math.Min(elapsed, 60) / 60);
            window.LoadsAttempted.TryGetValue(load, out var attempted);
            var cap = TokenCap(limit, load.TokenShare ?? settings.TokenShare);
            for (; attempted < due; attempted++)
            {
                // A refused request is the other client's problem; it does not retry within the window.
                TryCount(window, load.Token, cap, limit);
            }

            window.LoadsAttempted[load] = attempted;
        }
    }

    private static bool TryCount(Window window, string token, int tokenCap, int limit)
    {
        window.TokenCounts.TryGetValue(token, out var tokenCount);
        if (window.OrgCount >= limit || tokenCount >= tokenCap)
        {
            return false;
        }

        window.OrgCount++;
        window.TokenCounts[token] = tokenCount + 1;
        return true;
    }

    private static int TokenCap(int limit, double share) => (int)Math.Floor(limit * share);

    private sealed class Window(long start)
    {
        public long Start { get; } = start;
        public int OrgCount { get; set; }
        public Dictionary<string, int> TokenCounts { get; } = new(StringComparer.Ordinal);
        public Dictionary<OtherClientLoad, int> LoadsAttempted { get; } = new(ReferenceEqualityComparer.Instance);
    }
}
