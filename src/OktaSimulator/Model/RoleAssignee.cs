namespace OktaSimulator.Model;

/// <summary>Who holds a role assignment: a user or a group (RoleAssignmentType USER or GROUP).</summary>
public sealed record RoleAssignee(string Kind, string Id)
{
    public const string User = "USER";
    public const string Group = "GROUP";

    public static RoleAssignee ForUser(string userId) => new(User, userId);

    public static RoleAssignee ForGroup(string groupId) => new(Group, groupId);

    public bool IsUser => Kind == User;

    /// <summary>The assignee's REST URL, as <c>_links.assignee</c> and binding members name it.</summary>
    public string Href(string baseUrl) => IsUser ? $"{baseUrl}/api/v1/users/{Id}" : $"{baseUrl}/api/v1/groups/{Id}";
}
