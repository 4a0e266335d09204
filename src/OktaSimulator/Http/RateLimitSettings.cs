namespace OktaSimulator.Http;

/// <summary>
/// Requests per minute for each endpoint bucket, as Okta counts them, and Okta's per-token cap: one API
/// token may by default spend only half of each bucket, so a token can be refused while the org-wide
/// <c>X-Rate-Limit-Remaining</c> still shows capacity.
/// </summary>
public sealed record RateLimitSettings
{
    /// <summary>Every <c>/api/v1/apps/*</c> path (the app, its users, its groups) shares this bucket.</summary>
    public int AppsPerMinute { get; init; } = 100;
    public int GroupsPerMinute { get; init; } = 600;
    public int UsersPerMinute { get; init; } = 600;

    /// <summary>Any other family (<c>/api/v1/org</c>, <c>/api/v1/meta</c>, <c>/api/v1/internal</c>), each its own bucket.</summary>
    public int OtherPerMinute { get; init; } = 600;

    /// <summary>The share of each bucket one API token may use (Okta's default token rate limit is 50%).</summary>
    public double TokenShare { get; init; } = 0.5;

    /// <summary>Requests the org serves at once; more are answered 429.</summary>
    public int ConcurrencyLimit { get; init; } = 75;

    /// <summary>
    /// Other integrations of the org spending the same buckets in every window. Their requests count in the
    /// org-wide <c>X-Rate-Limit-Remaining</c> that every client sees, but against their own tokens' shares.
    /// </summary>
    public IReadOnlyList<OtherClientLoad> OtherClients { get; init; } = [];

    /// <summary>Okta's published defaults.</summary>
    public static RateLimitSettings OktaDefaults => new();

    /// <summary>Limits so high they never bite (the headers are still sent).</summary>
    public static RateLimitSettings Unlimited => new()
    {
        AppsPerMinute = 1_000_000,
        GroupsPerMinute = 1_000_000,
        UsersPerMinute = 1_000_000,
        OtherPerMinute = 1_000_000,
        TokenShare = 1.0,
        ConcurrencyLimit = 10_000,
    };

    public int LimitFor(string bucket) => bucket switch
    {
        RateLimitBucket.Apps => AppsPerMinute,
        RateLimitBucket.Groups => GroupsPerMinute,
        RateLimitBucket.Users => UsersPerMinute,
        _ => OtherPerMinute,
    };
}

/// <summary>
/// Another integration using one bucket through its own token, in every one-minute window: a burst as the
/// window opens and a steady rate across it. What it can spend is capped by its token's share and by what
/// the org has left, first come, first served — as Okta counts.
/// </summary>
/// <param name="Bucket">The bucket it spends, e.g. <see cref="RateLimitBucket.Apps"/>.</param>
/// <param name="Token">Its token (any name other than the simulator's API token models another integration).</param>
public sealed record OtherClientLoad(string Bucket, string Token = "other-integration")
{
    /// <summary>Requests it makes as soon as each window opens.</summary>
    public int AtWindowStart { get; init; }

    /// <summary>Requests it spreads evenly over each window.</summary>
    public int PerMinute { get; init; }

    /// <summary>Its token's share of the bucket; the org's <see cref="RateLimitSettings.TokenShare"/> when null.</summary>
    public double? TokenShare { get; init; }
}
