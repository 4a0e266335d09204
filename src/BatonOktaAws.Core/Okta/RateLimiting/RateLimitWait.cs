namespace BatonOktaAws.Core.Okta.RateLimiting;

/// <summary>
/// Requests in <see cref="Bucket"/> are held back until <see cref="Until"/>: the token's share of the window is
/// spent (or Okta answered 429). Raised once when a wait starts, not once per waiting request, so a terminal can
/// show a countdown and a log gets one line.
/// </summary>
/// <param name="Bucket">The rate-limit bucket, e.g. <c>/api/v1/apps</c>.</param>
/// <param name="Until">When requests in the bucket may go again (the window's reset, plus jitter).</param>
/// <param name="Reason">Why, in words: "this token's share of the window is spent", "Okta answered 429".</param>
public sealed record RateLimitWait(string Bucket, DateTimeOffset Until, string Reason);
