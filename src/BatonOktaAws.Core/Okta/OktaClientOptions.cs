using BatonOktaAws.Core.Okta.Paging;

namespace BatonOktaAws.Core.Okta;

/// <summary>How the Okta client paces, retries and times out.</summary>
public sealed record OktaClientOptions
{
    /// <summary>Requests in flight at once, across all buckets (Okta's org-wide concurrency limit is far higher).</summary>
    public int MaxConcurrentRequests { get; init; } = 8;

    /// <summary>
    /// How long one HTTP exchange may take, from sending the request to the last byte of the body. Waiting for
    /// a rate-limit window or for a free slot (<see cref="MaxConcurrentRequests"/>) comes before it and does
    /// not count: a wait is not a timeout.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Retries after the first attempt, for 429, 5xx, timeouts, connection resets and cut-off bodies. Errors that
    /// will not go away (401/403/404, a refused loopback port, a host name that does not resolve, a failed TLS
    /// handshake, an oversized body) are never retried.
    /// </summary>
    public int MaxRetries { get; init; } = 6;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The share of each rate-limit bucket this token may use (Okta's default API token limit is 50%).</summary>
    public double TokenRateLimitShare { get; init; } = 0.5;

    /// <summary>Random extra wait after a rate-limit reset or before a 429 retry.</summary>
    public TimeSpan RateLimitJitter { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The most the client reads of one response body; a longer one fails that request instead of filling
    /// memory. The largest page the connector asks for is a groups page at Okta's maximum <c>limit</c> of
    /// 10,000: a group with its <c>_links</c> is about 1 KB of JSON, so about 10 MB. A page of 1,000 group
    /// members at up to 16 KB for a user with a large custom profile is 16 MB. 64 MiB holds either four times
    /// over, while eight requests in flight can hold at most 512 MiB. A body is read whole into one buffer before
    /// it is parsed, so it is at most <see cref="MaxResponseBytesLimit"/>.
    /// </summary>
    public long MaxResponseBytes { get; init; } = DefaultMaxResponseBytes;

    /// <summary>The largest <see cref="MaxResponseBytes"/>: 2047 MiB, which one array can hold (a body is read whole before it is parsed).</summary>
    public const long MaxResponseBytesLimit = 2047L * 1024 * 1024;

    /// <summary>The default of <see cref="MaxResponseBytes"/>: 64 MiB.</summary>
    public const long DefaultMaxResponseBytes = 64L * 1024 * 1024;

    /// <summary>The <c>limit</c> of each page of a group's members (1 to <see cref="OktaPageLimits.MaxGroupMembers"/>).</summary>
    public int GroupMembersPageSize { get; init; } = OktaPageLimits.GroupMembers;

    /// <summary>The <c>limit</c> of each page of the group lists group mapping and admin roles read (1 to <see cref="OktaPageLimits.MaxGroups"/>).</summary>
    public int GroupsPageSize { get; init; } = OktaPageLimits.Groups;

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

        if (MaxResponseBytes < 64 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxResponseBytes), MaxResponseBytes, "The response size limit must be at least 64 KiB.");
        }

        if (MaxResponseBytes > MaxResponseBytesLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxResponseBytes), MaxResponseBytes, $"The response size limit must be at most {MaxResponseBytesLimit} bytes (2047 MiB): a response is read into one array before it is parsed.");
        }

        if (GroupMembersPageSize is < 1 or > OktaPageLimits.MaxGroupMembers)
        {
            throw new ArgumentOutOfRangeException(nameof(GroupMembersPageSize), GroupMembersPageSize, $"The group members page size must be between 1 and {OktaPageLimits.MaxGroupMembers}.");
        }

        if (GroupsPageSize is < 1 or > OktaPageLimits.MaxGroups)
        {
            throw new ArgumentOutOfRangeException(nameof(GroupsPageSize), GroupsPageSize, $"The groups page size must be between 1 and {OktaPageLimits.MaxGroups}.");
        }

        if (TokenRateLimitShare is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(TokenRateLimitShare), TokenRateLimitShare, "The token's rate-limit share must be in (0, 1].");
        }
    }
}
