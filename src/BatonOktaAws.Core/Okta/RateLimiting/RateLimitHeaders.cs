using System.Globalization;
using System.Net.Http.Headers;

namespace BatonOktaAws.Core.Okta.RateLimiting;

/// <summary><c>X-Rate-Limit-Limit</c>, <c>-Remaining</c>, <c>-Reset</c> and the response's <c>Date</c>, as sent on every Okta response.</summary>
public sealed record RateLimitHeaders(int Limit, int Remaining, long ResetEpochSeconds, DateTimeOffset? ServerDate)
{
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

    /// <summary>
    /// Requests this token may still make in the window: what the org has left, but no more than the token's
    /// share of the limit minus what the org already used (assuming, to be safe, that all of it was ours).
    /// </summary>
    public int RemainingForToken(double tokenShare)
    {
        var tokenCap = (int)Math.Floor(Limit * tokenShare);
        var used = Limit - Remaining;
        return Math.Max(0, Math.Min(Remaining, tokenCap - used));
    }

    /// <summary>
    /// How long until the window resets, measured on the server's clock (<c>Reset - Date</c>) so our clock's
    /// skew does not matter; <c>Date</c> has whole seconds, which only errs on the safe side.
    /// </summary>
    public TimeSpan UntilReset(DateTimeOffset localNow)
    {
        var serverNow = ServerDate ?? localNow;
        var seconds = ResetEpochSeconds - serverNow.ToUnixTimeSeconds();
        return TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 120));
    }

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
