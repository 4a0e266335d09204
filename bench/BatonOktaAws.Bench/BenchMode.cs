using OktaSimulator.Http;

namespace BatonOktaAws.Bench;

/// <summary>
/// A: no latency, no rate limits — what the connector itself costs. B: 100 ms per request and Okta's
/// default limits (apps 100/min, groups and users 600/min, half of each per token) — what a real org costs.
/// </summary>
internal sealed record BenchMode(string Name, TimeSpan Latency, RateLimitSettings Limits)
{
    public static BenchMode A { get; } = new("A", TimeSpan.Zero, RateLimitSettings.Unlimited);
    public static BenchMode B { get; } = new("B", TimeSpan.FromMilliseconds(100), RateLimitSettings.OktaDefaults);

    public static BenchMode Named(string name) => name.ToUpperInvariant() switch
    {
        "A" => A,
        "B" => B,
        _ => throw new ArgumentException($"Unknown mode '{name}': use A or B."),
    };
}
