using System.Text.Json.Serialization;

namespace OktaSimulator.Http;

/// <summary>
/// Misbehaviour to inject. Counters start when the plan is installed; "every N" counts only the requests
/// whose path starts with <see cref="PathPrefix"/> (all API requests when null). The first matching fault
/// in the order reset, 5xx, 429, slow, malformed, truncated, oversized, repeated next link applies; at most
/// <see cref="MaxFaults"/> are injected. <see cref="HoldFrom"/> is a gate for tests rather than misbehaviour: it
/// goes before every fault and is not counted among them.
/// </summary>
public sealed record FaultPlan
{
    public static FaultPlan None { get; } = new();

    /// <summary>Added to every API request (on the real clock: it models the network).</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>A random extra delay in [0, jitter) on every API request.</summary>
    public TimeSpan LatencyJitter { get; init; }

    public int ConnectionResetEvery { get; init; }
    public int ServerErrorEvery { get; init; }
    public int TooManyRequestsEvery { get; init; }

    /// <summary>
    /// How far ahead an injected 429 puts <c>X-Rate-Limit-Reset</c>; zero or negative puts the reset now or in
    /// the past, as Okta sometimes does.
    /// </summary>
    public TimeSpan TooManyRequestsResetAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Holds the response for <see cref="SlowResponseDelay"/> on the simulator's clock (a fake one in tests).</summary>
    public int SlowResponseEvery { get; init; }
    public TimeSpan SlowResponseDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A well-formed HTTP exchange whose JSON body is cut in half (Content-Length says the half).</summary>
    public int MalformedJsonEvery { get; init; }

    /// <summary>Announces the whole body in Content-Length, sends half of it and drops the connection.</summary>
    public int TruncatedBodyEvery { get; init; }

    /// <summary>
    /// Sends the answer chunked (no Content-Length), led by whitespace so that it is
    /// <see cref="OversizedBodyBytes"/> long: still valid JSON, but more than a client should hold.
    /// </summary>
    public int OversizedBodyEvery { get; init; }
    public long OversizedBodyBytes { get; init; } = 80L * 1024 * 1024;

    /// <summary>A list page whose <c>rel="next"</c> link points back at the page itself, so a client that follows it loops.</summary>
    public int RepeatedNextLinkEvery { get; init; }

    public string? PathPrefix { get; init; }
    public int? MaxFaults { get; init; }

    /// <summary>
    /// Holds the Nth counted request (1 = the first) and every counted request after it before it reaches its
    /// endpoint, until the test calls <see cref="FaultInjector.Release"/>; then they are answered normally.
    /// <see cref="FaultInjector.WhenHeldAsync"/> tells when the Nth arrives. So a test kills or cancels a client at
    /// a known point: requests before the Nth answered (or in flight, for a client that sends several at once),
    /// nothing from the Nth on answered, and Okta's state unchanged by them. 0 holds nothing. In-process only
    /// (the control endpoint cannot release a gate, so it does not take this field).
    /// </summary>
    [JsonIgnore]
    public int HoldFrom { get; init; }
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
    TruncatedBody,
    OversizedBody,
    RepeatedNextLink,

    /// <summary>Held at the gate of <see cref="FaultPlan.HoldFrom"/>; answered normally if released.</summary>
    Held,
}
