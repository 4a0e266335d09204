namespace BatonOktaAws.Core.Okta.Resilience;

/// <summary>What one logical request has been through across its attempts.</summary>
internal sealed class AttemptState
{
    public int Attempts { get; set; }

    /// <summary>The <c>X-Okta-Request-Id</c> of the first 429, sent back as <c>X-Okta-Retry-For</c>.</summary>
    public string? RetryFor { get; set; }

    /// <summary>Retries made after a 429, sent as <c>X-Okta-Retry-Count</c>.</summary>
    public int RateLimitRetries { get; set; }
}
