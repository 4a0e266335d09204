using BatonOktaAws.Core.Okta.RateLimiting;

namespace BatonOktaAws.Core.Sync;

/// <summary>Where a running sync is, for a progress display.</summary>
public sealed record SyncProgress(SyncPhase Phase, long Requests, long Pages, long AppUsers, long GroupsDone, long GroupsKnown)
{
    /// <summary>Every Okta list the sync has started reading, in the order they started.</summary>
    public IReadOnlyList<ListProgress> Lists { get; init; } = [];

    /// <summary>Each rate-limit bucket's use of its current window against the token's share, the most used first.</summary>
    public IReadOnlyList<RateLimitUse> RateLimits { get; init; } = [];
}

/// <summary>
/// One Okta list being read: what it is (e.g. "app users of AWS (prod)"), pages and items so far, and the total
/// number of items when Okta tells it (group sizes from <c>expand=stats</c>), else null.
/// </summary>
public sealed record ListProgress(string Description, long Pages, long Items, long? TotalItems, bool Done);

public enum SyncPhase
{
    ReadingConfiguration,
    Fetching,
    DerivingAccess,
    Finishing,
}
