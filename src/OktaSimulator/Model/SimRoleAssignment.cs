namespace OktaSimulator.Model;

/// <summary>
/// A standard admin role assigned to a user or a group, with its targets. No targets means the role covers every
/// group (or app): "If the role isn't scoped to specific group targets, an empty array [] is returned".
/// </summary>
public sealed class SimRoleAssignment
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public required RoleAssignee Assignee { get; init; }
    public List<AppTarget> AppTargets { get; } = [];
    public List<string> GroupTargets { get; } = [];
    public DateTimeOffset Created { get; init; }
}
