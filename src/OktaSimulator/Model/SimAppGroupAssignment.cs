using System.Text.Json.Nodes;

namespace OktaSimulator.Model;

/// <summary>A group assigned to an app. Lower <see cref="Priority"/> numbers win when a user is in several.</summary>
public sealed class SimAppGroupAssignment
{
    public required string GroupId { get; init; }
    public int Priority { get; set; }
    public required JsonObject Profile { get; set; }
    public DateTimeOffset LastUpdated { get; set; }
}
