namespace OktaSimulator.Model;

/// <summary>
/// A user or group bound to a custom role over a resource set. Its id is also the id of the CUSTOM role
/// assignment the member holds (CustomRole.id: "Binding object ID").
/// </summary>
public sealed record ResourceSetBindingMember(string Id, RoleAssignee Member, DateTimeOffset Created);
