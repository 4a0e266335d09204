namespace OktaSimulator.Http;

/// <summary>
/// Misbehaviour to inject. Counters start when the plan is installed; "every N" counts only the requests
/// whose path starts with <see cref="PathPrefix"/> (all API requests when null). The first matching fault
/// in the order reset, 5xx, 429, slow, malformed applies; at most <see cref="MaxFaults"/> are injected.
/// </summary>
public sealed record FaultPlan
{
    public static FaultPlan None { get; } = new();

    /// <summary>Added to every API request.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>A random extra delay in [0, jitter) on every API request.</summary>
    public TimeSpan LatencyJitter { get; init; }

    public int ConnectionResetEvery { get; init; }
    public int ServerErrorEvery { get; init; }
    public int TooManyRequestsEvery { get; init; }

    /// <summary>How far ahead an injected 429 puts <c>X-Rate-Limit-Reset</c>.</summary>
    public TimeSpan TooManyRequestsResetAfter { get; init; } = TimeSpan.FromSeconds(1);

    public int SlowResponseEvery { get; init; }
    public TimeSpan SlowResponseDelay { get; init; } = TimeSpan.FromSeconds(30);
    public int MalformedJsonEvery { get; init; }

    public string? PathPrefix { get; init; }
    public int? MaxFaults { get; init; }
}

/// <summary>The faults the simulator can inject into one response.</summary>
public enum FaultKind
{
    None,
    ConnectionReset,
    ServerError,
    TooManyRequests,
    SlowResponse,
    MalformedJson,
}
