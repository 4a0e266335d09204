using OktaSimulator;
using OktaSimulator.Http;
using OktaSimulator.Model;

namespace BatonOktaAws.TestSupport;

/// <summary>Starts the Okta simulator in-process on a free loopback port for one test.</summary>
public static class TestSimulator
{
    /// <summary>A recognisable token: tests search all output for it to prove it never leaks.</summary>
    public const string Token = "00TEST-token-Sx9q7ZkWmd3LpVbN";

    public static Task<OktaSimulatorServer> StartAsync(OrgState state, RateLimitSettings? limits = null, FaultPlan? faults = null, TimeProvider? time = null) =>
        OktaSimulatorServer.StartAsync(
            new SimulatorOptions
            {
                ApiToken = Token,
                RateLimits = limits ?? RateLimitSettings.Unlimited,
                Faults = faults ?? FaultPlan.None,
                TimeProvider = time ?? TimeProvider.System,
            },
            state);

    /// <summary>The simulator's origin as a <c>--domain</c> value.</summary>
    public static string Domain(this OktaSimulatorServer server) => server.BaseAddress.GetLeftPart(UriPartial.Authority);
}
