using OktaSimulator.Http;

namespace OktaSimulator;

/// <summary>How the simulator listens and behaves.</summary>
public sealed record SimulatorOptions
{
    /// <summary>The only value accepted in <c>Authorization: SSWS &lt;token&gt;</c>.</summary>
    public required string ApiToken { get; init; }

    /// <summary>Loopback port; 0 picks a free one (read it back from <see cref="OktaSimulatorServer.BaseAddress"/>).</summary>
    public int Port { get; init; }

    public RateLimitSettings RateLimits { get; init; } = RateLimitSettings.OktaDefaults;

    public FaultPlan Faults { get; init; } = FaultPlan.None;

    /// <summary>
    /// Overrides the org's <see cref="Model.SimOrg.TokenIsSuperAdmin"/>: false makes every admin-role endpoint
    /// (<c>/api/v1/iam/*</c>, <c>/api/v1/users/{id}/roles*</c>, <c>/api/v1/groups/{id}/roles*</c>) answer 403 E0000006.
    /// </summary>
    public bool? TokenIsSuperAdmin { get; init; }

    /// <summary>Clock for rate-limit windows and timestamps; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
