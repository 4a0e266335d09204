using System.Text.Json.Nodes;

namespace OktaSimulator.Model;

/// <summary>A direct (scope USER) assignment of a user to an app, with its app profile.</summary>
public sealed class SimAppUserAssignment
{
    public required string UserId { get; init; }
    public required JsonObject Profile { get; set; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset LastUpdated { get; set; }
}
