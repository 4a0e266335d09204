namespace BatonOktaAws.Core.Okta.Errors;

/// <summary>A failure worth retrying: a 5xx, a 429, or a body cut short.</summary>
public class OktaTransientException : OktaException
{
    public OktaTransientException()
    {
    }

    public OktaTransientException(string message)
        : base(message)
    {
    }

    public OktaTransientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int? Status { get; init; }
}

/// <summary>Okta answered 429: wait until the window resets (as its headers say) before retrying.</summary>
public sealed class OktaRateLimitedException : OktaTransientException
{
    public OktaRateLimitedException(string request, TimeSpan retryAfter, string? requestId)
        : base($"Okta answered 429 (rate limit) to {request}")
    {
        RetryAfter = retryAfter;
        RequestId = requestId;
        Status = 429;
    }

    public OktaRateLimitedException()
    {
    }

    public OktaRateLimitedException(string message)
        : base(message)
    {
    }

    public OktaRateLimitedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TimeSpan RetryAfter { get; }

    /// <summary>The refused request's <c>X-Okta-Request-Id</c>, sent back as <c>X-Okta-Retry-For</c>.</summary>
    public string? RequestId { get; }
}
