namespace OktaSimulator.Model;

/// <summary>A custom admin role (IamRole): a label and the permissions it grants, e.g. <c>okta.apps.assignment.manage</c>.</summary>
public sealed class SimCustomRole
{
    public required string Id { get; init; }
    public required string Label { get; init; }
    public string Description { get; init; } = string.Empty;
    public List<string> Permissions { get; } = [];
    public DateTimeOffset Created { get; init; }
}
