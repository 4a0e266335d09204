namespace BatonOktaAws.Core.Okta.RateLimiting;

/// <summary>Permission to send one request in a bucket; hand it back with the response's headers.</summary>
public sealed record RateLimitTicket(string Bucket, long Sequence, bool IsProbe);
