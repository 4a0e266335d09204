using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
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
    public static void Map(WebApplication app, OktaSimulatorServer server)
    {
        app.MapGet("/_simulator/requests", () => Results.Json(server.Requests.Entries, ControlJsonContext.Default.IReadOnlyListRequestLogEntry));

        app.MapGet("/_simulator/counters", () => Results.Json(
            new JsonObject
            {
                ["total"] = server.Requests.Count,
                ["byEndpoint"] = Counts(server.Requests.CountByEndpoint()),
                ["byStatus"] = Counts(server.Requests.CountByStatus()),
                ["byBucket"] = Counts(server.Requests.CountByBucket()),
                ["faultsInjected"] = server.Faults.Injected,
            },
            ControlJsonContext.Default.JsonObject));

        app.MapPost("/_simulator/requests/clear", () =>
        {
            server.Requests.Clear();
            return Results.NoContent();
        });

        app.MapPut("/_simulator/faults", async (HttpContext context) =>
        {
            var plan = await JsonSerializer.DeserializeAsync(context.Request.Body, ControlJsonContext.Default.FaultPlan, context.RequestAborted).ConfigureAwait(false);
            server.Faults.Install(plan ?? FaultPlan.None);
            return Results.NoContent();
        });

        app.MapGet("/_simulator/state", () =>
        {
            var state = server.State;
            lock (state.SyncRoot)
            {
                return Results.Json(
                    new JsonObject
                    {
                        ["groups"] = Array(state.SortedGroupIds.Select(id => state.Groups[id]).Select(g => new JsonObject
                        {
                            ["id"] = g.Id,
                            ["name"] = g.Name,
                            ["type"] = g.Type,
                            ["members"] = Array(g.Members.Select(m => (JsonNode?)m)),
                        })),
                        ["apps"] = Array(state.Apps.Values.Select(a => new JsonObject
                        {
                            ["id"] = a.Id,
                            ["name"] = a.Name,
                            ["directAssignments"] = Array(a.DirectAssignments.Values.Select(d => new JsonObject
                            {
                                ["userId"] = d.UserId,
                                ["profile"] = d.Profile.DeepClone(),
                            })),
                            ["groupAssignments"] = Array(a.GroupAssignments.Values.Select(g => new JsonObject
                            {
                                ["groupId"] = g.GroupId,
                                ["priority"] = g.Priority,
                                ["profile"] = g.Profile.DeepClone(),
                            })),
                        })),
                    },
                    ControlJsonContext.Default.JsonObject);
            }
        });
    }

    private static JsonObject Counts<TKey>(IReadOnlyDictionary<TKey, int> counts)
        where TKey : notnull
    {
        var json = new JsonObject();
        foreach (var (key, count) in counts)
        {
            json[Convert.ToString(key, CultureInfo.InvariantCulture)!] = count;
        }

        return json;
    }

    private static JsonArray Array(IEnumerable<JsonNode?> items) => new([.. items]);
}
