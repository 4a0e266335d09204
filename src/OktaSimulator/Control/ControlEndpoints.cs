using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OktaSimulator.Http;
using OktaSimulator.Model;

namespace OktaSimulator.Control;

/// <summary>
/// <c>/_simulator/*</c>: what tests and the benchmark harness read and change when the simulator runs as
/// its own process — the request log and counters, the org's memberships and assignments, the fault plan.
/// Not authenticated, not rate limited, not logged.
/// </summary>
internal static class ControlEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Map(WebApplication app, OktaSimulatorServer server)
    {
        app.MapGet("/_simulator/requests", () => Results.Json(server.Requests.Entries, Json));

        app.MapGet("/_simulator/counters", () => Results.Json(
            new
            {
                total = server.Requests.Count,
                byEndpoint = server.Requests.CountByEndpoint(),
                byStatus = server.Requests.CountByStatus().ToDictionary(kv => kv.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), kv => kv.Value),
                byBucket = server.Requests.CountByBucket(),
                faultsInjected = server.Faults.Injected,
            },
            Json));

        app.MapPost("/_simulator/requests/clear", () =>
        {
            server.Requests.Clear();
            return Results.NoContent();
        });

        app.MapPut("/_simulator/faults", async (HttpContext context) =>
        {
            var plan = await JsonSerializer.DeserializeAsync<FaultPlan>(context.Request.Body, Json, context.RequestAborted).ConfigureAwait(false);
            server.Faults.Install(plan ?? FaultPlan.None);
            return Results.NoContent();
        });

        app.MapGet("/_simulator/state", () =>
        {
            var state = server.State;
            lock (state.SyncRoot)
            {
                return Results.Json(
                    new
                    {
                        groups = state.SortedGroupIds.Select(id => state.Groups[id]).Select(g => new { g.Id, g.Name, g.Type, members = g.Members.ToArray() }),
                        apps = state.Apps.Values.Select(a => new
                        {
                            a.Id,
                            a.Name,
                            directAssignments = a.DirectAssignments.Values.Select(d => new { d.UserId, profile = d.Profile.DeepClone() }),
                            groupAssignments = a.GroupAssignments.Values.Select(g => new { g.GroupId, g.Priority, profile = g.Profile.DeepClone() }),
                        }),
                    },
                    Json);
            }
        });
    }
}
