namespace OktaSimulator.Http;

/// <summary>What the rate limiter decided for one request, and the headers it implies.</summary>
public readonly record struct RateLimitDecision(bool Allowed, int Limit, int Remaining, long ResetEpochSeconds);

/// <summary>
/// Fixed one-minute windows aligned to the clock minute, per bucket: an org-wide count against the bucket's
/// limit and a per-token count against the token's share of it.
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

    /// <summary>Counts the request when allowed; a refused request is not counted.</summary>
    public RateLimitDecision Acquire(string bucket, string token) => Decide(bucket, token, count: true);

    /// <summary>The current state of a bucket, for headers on responses that are not counted (401).</summary>
    public RateLimitDecision Peek(string bucket) => Decide(bucket, token: null, count: false);

    private RateLimitDecision Decide(string bucket, string? token, bool count)
    {
        var settings = Settings;
        var limit = settings.LimitFor(bucket);
        var tokenCap = (int)Math.Floor(limit * settings.TokenShare);
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var windowStart = now - (now % 60);
        lock (_gate)
        {
            if (!_windows.TryGetValue(bucket, out var window) || window.Start != windowStart)
            {
                window = new Window(windowStart);
                _windows[bucket] = window;
            }

            var reset = windowStart + 60;
            if (!count || token is null)
            {
                return new RateLimitDecision(true, limit, Math.Max(0, limit - window.OrgCount), reset);
            }

            window.TokenCounts.TryGetValue(token, out var tokenCount);
            if (window.OrgCount >= limit || tokenCount >= tokenCap)
            {
                return new RateLimitDecision(false, limit, Math.Max(0, limit - window.OrgCount), reset);
            }

            window.OrgCount++;
            window.TokenCounts[token] = tokenCount + 1;
            return new RateLimitDecision(true, limit, limit - window.OrgCount, reset);
        }
    }

    private sealed class Window(long start)
    {
        public long Start { get; } = start;
        public int OrgCount { get; set; }
        public Dictionary<string, int> TokenCounts { get; } = new(StringComparer.Ordinal);
    }
}
