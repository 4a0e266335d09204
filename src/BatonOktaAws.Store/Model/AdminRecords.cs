namespace BatonOktaAws.Store.Model;

/// <summary>
/// An Okta admin role assignment held by a user or a group (<see cref="AssigneeType"/> <c>user</c> or <c>group</c>):
/// a standard role by <see cref="RoleType"/>, or a custom one (<see cref="RoleType"/> CUSTOM, <see cref="RoleId"/>
/// the custom role's id, scoped by <see cref="ResourceSetId"/>). <see cref="RoleId"/> is the role's resource id in
/// Baton's model: the type for standard roles.
/// </summary>
public sealed record AdminRoleAssignmentRecord(
    string AssigneeType,
    string AssigneeId,
    string AssignmentId,
    string RoleType,
    string RoleId,
    string? Label,
    string? Status,
    string? ResourceSetId);

/// <summary>
/// A target of a standard role assignment: <see cref="TargetType"/> <c>app</c> (every instance of the app type
/// <see cref="TargetId"/>), <c>app-instance</c> (the app <see cref="TargetId"/> of type <see cref="AppName"/>) or
/// <c>group</c>. An assignment without targets of a kind covers everything of that kind.
/// </summary>
public sealed record AdminRoleTargetRecord(
    string AssigneeType,
    string AssigneeId,
    string AssignmentId,
    string TargetType,
    string TargetId,
    string? AppName,
    string? DisplayName)
{
    public const string App = "app";
    public const string AppInstance = "app-instance";
    public const string Group = "group";
}

/// <summary>A custom admin role and its permissions (e.g. <c>okta.apps.assignment.manage</c>).</summary>
public sealed record CustomRoleRecord(string RoleId, string? Label, string? Description, IReadOnlyList<string> Permissions);

/// <summary>A resource set: the resources a custom role bound to it applies to.</summary>
public sealed record ResourceSetRecord(string ResourceSetId, string? Label, string? Description);

/// <summary>
/// One resource of a resource set as its ORN names it: <see cref="Kind"/> <c>apps</c> (every app), <c>app-type</c>
/// (every instance of the type <see cref="TargetId"/>), <c>app</c> (the app <see cref="TargetId"/>), <c>groups</c>
/// (every group), <c>group</c> (the group <see cref="TargetId"/>) or <c>other</c> (users, policies, ...).
/// </summary>
public sealed record ResourceSetResourceRecord(string ResourceSetId, string ResourceId, string? Orn, string Kind, string? TargetId, string? AppName)
{
    public const string AllApps = "apps";
    public const string AppType = "app-type";
    public const string App = "app";
    public const string AllGroups = "groups";
    public const string Group = "group";
    public const string Other = "other";
}

/// <summary>A user or group bound to a custom role over a resource set (<see cref="MemberType"/> null when the member's link named neither).</summary>
public sealed record ResourceSetBindingRecord(string ResourceSetId, string RoleId, string MemberId, string? MemberType, string? PrincipalId);

/// <summary>A group that grants an AWS role through an app: an assigned group's roles, or a group-mapping group's.</summary>
public sealed record GroupRoleGrantRecord(string AppId, string GroupId, string AccountId, string Role);

/// <summary>How much of Okta's admin roles one sync holds.</summary>
public sealed record AdminRoleCounts(long Assignments, long Users, long Groups, long CustomRoles, long ResourceSets);
