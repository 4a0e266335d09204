namespace OktaSimulator.Model;

/// <summary>
/// A role assignment as a user or group sees it: a standard role or a custom role binding, held directly
/// (<see cref="AssignmentType"/> USER for a user) or through a group (GROUP, with the group as <see cref="Assignee"/>).
/// </summary>
public sealed record EffectiveRoleAssignment(
    string Id,
    string AssignmentType,
    RoleAssignee Assignee,
    SimRoleAssignment? Standard,
    SimCustomRole? CustomRole,
    SimResourceSet? ResourceSet,
    DateTimeOffset Created)
{
    public string Type => Standard?.Type ?? AdminRoleType.Custom;

    public string Label => Standard is not null ? AdminRoleType.LabelOf(Standard.Type) : CustomRole!.Label;
}
