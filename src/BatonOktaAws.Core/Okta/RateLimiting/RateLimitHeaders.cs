using System.Globalization;
using System.Net.Http.Headers;

namespace BatonOktaAws.Core.Okta.RateLimiting;

/// <summary>
/// <c>X-Rate-Limit-Limit</c>, <c>-Remaining</c>, <c>-Reset</c> and the response's <c>Date</c>, as sent on every
/// Okta response. <c>Limit</c> and <c>Remaining</c> are the org's, for the bucket: every integration of the org
/// spends the same <c>Remaining</c>, each token only up to its share of <c>Limit</c>.
/// </summary>
public sealed record RateLimitHeaders(int Limit, int Remaining, long ResetEpochSeconds, DateTimeOffset? ServerDate)
{
    /// <summary>The longest wait the headers are believed for; Okta's windows are one minute.</summary>
    private static readonly TimeSpan LongestReset = TimeSpan.FromMinutes(2);

    public static RateLimitHeaders? From(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (!TryGetInt(headers, "X-Rate-Limit-Limit", out var limit)
            || !TryGetInt(headers, "X-Rate-Limit-Remaining", out var remaining)
            || !TryGetLong(headers, "X-Rate-Limit-Reset", out var reset))
        {
            return null;
        }

        return new RateLimitHeaders(limit, remaining, reset, headers.Date);
    }

    /// <summary>The most requests one token may make in a window: its share of the org's limit.</summary>
    public int TokenCap(double tokenShare) => (int)Math.Floor(Limit * tokenShare);

    /// <summary>
    /// Requests this token may still make in the window: what the org has left, but no more than the token's
    /// share of the limit minus what the token itself has used. The org's <c>Remaining</c> also counts other
    /// integrations, so it cannot tell how much of it was this token's; <paramref name="usedByToken"/> is what
    /// this client counted itself.
    /// </summary>
    public int RemainingForToken(double tokenShare, int usedByToken) =>
        Math.Max(0, Math.Min(Remaining, TokenCap(tokenShare) - usedByToken));

    /// <summary>
    /// How long until the window resets, measured on the server's clock (<c>Reset - Date</c>) so our clock's
    /// skew does not matter; <c>Date</c> has whole seconds, which only errs on the safe side. Zero when the
    /// reset is now or past.
    /// </summary>
    public TimeSpan UntilReset(DateTimeOffset localNow)
    {
        var seconds = SecondsUntilReset(localNow);
        return TimeSpan.FromSeconds(Math.Clamp(seconds, 0, LongestReset.TotalSeconds));
    }

    /// <summary>
    /// How long to wait before retrying a 429, as Okta's SDKs do: <c>Reset - Date + 1 s</c>; null when that is
    /// not positive (the reset is already past), where only backing off helps.
    /// </summary>
    public TimeSpan? RetryAfter429(DateTimeOffset localNow)
    {
        var seconds = SecondsUntilReset(localNow) + 1;
        return seconds > 0 ? TimeSpan.FromSeconds(Math.Min(seconds, LongestReset.TotalSeconds + 1)) : null;
    }

    private long SecondsUntilReset(DateTimeOffset localNow) => ResetEpochSeconds - (ServerDate ?? localNow).ToUnixTimeSeconds();

    private static bool TryGetInt(HttpResponseHeaders headers, string name, out int value)
    {
        value = 0;
        return headers.TryGetValues(name, out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryGetLong(HttpResponseHeaders headers, string name, out long value)
    {
        value = 0;
        return headers.TryGetValues(name, out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
