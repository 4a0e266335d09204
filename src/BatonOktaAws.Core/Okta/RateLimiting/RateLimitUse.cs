namespace BatonOktaAws.Core.Okta.RateLimiting;

/// <summary>
/// How much of a bucket's current window this client has used against the token's share of it, as the gate
/// believes from Okta's headers: for a progress display ("/api/v1/apps: 37 of 50").
/// </summary>
/// <param name="Bucket">The rate-limit bucket, e.g. <c>/api/v1/apps</c>.</param>
/// <param name="Used">Requests this client sent in the window (those in flight included).</param>
/// <param name="TokenShare">The token's share of the window's limit (<c>X-Rate-Limit-Limit</c> × the share).</param>
/// <param name="ResetAt">When the window resets (<c>X-Rate-Limit-Reset</c>).</param>
public sealed record RateLimitUse(string Bucket, int Used, int TokenShare, DateTimeOffset ResetAt);
