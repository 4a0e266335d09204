namespace BatonOktaAws.Core.Okta;

/// <summary>How the Okta client paces, retries and times out.</summary>
public sealed record OktaClientOptions
{
    /// <summary>Requests in flight at once, across all buckets (Okta's org-wide concurrency limit is far higher).</summary>
    public int MaxConcurrentRequests { get; init; } = 8;

    /// <summary>How long one attempt may take, body included.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt, for 429, 5xx, timeouts, connection resets and cut-off bodies.</summary>
    public int MaxRetries { get; init; } = 6;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The share of each rate-limit bucket this token may use (Okta's default API token limit is 50%).</summary>
    public double TokenRateLimitShare { get; init; } = 0.5;

    /// <summary>Random extra wait after a rate-limit reset or before a 429 retry.</summary>
    public TimeSpan RateLimitJitter { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Throws when a value is out of range, naming it.</summary>
    public void Validate()
    {
        if (MaxConcurrentRequests is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrentRequests), MaxConcurrentRequests, "Concurrency must be between 1 and 64.");
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RequestTimeout), RequestTimeout, "The request timeout must be positive.");
        }

        if (MaxRetries is < 0 or > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "Retries must be between 0 and 20.");
        }

        if (TokenRateLimitShare is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(TokenRateLimitShare), TokenRateLimitShare, "The token's rate-limit share must be in (0, 1].");
        }
    }
}
