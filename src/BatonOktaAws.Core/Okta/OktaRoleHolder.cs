namespace BatonOktaAws.Core.Okta;

/// <summary>Who holds an admin role assignment, as the roles API addresses it: <c>/api/v1/users/{id}</c> or <c>/api/v1/groups/{id}</c>.</summary>
public sealed record OktaRoleHolder(bool IsGroup, string Id)
{
    public static OktaRoleHolder User(string userId) => new(false, userId);

    public static OktaRoleHolder Group(string groupId) => new(true, groupId);

    /// <summary>The API path of the holder, e.g. <c>/api/v1/groups/00g...</c>.</summary>
    public string Path => $"/api/v1/{(IsGroup ? "groups" : "users")}/{OktaId.Require(Id, IsGroup ? "Group id" : "User id")}";

    /// <summary>
    /// The holder a role assignment's <c>_links.assignee</c> names (<c>.../api/v1/users/{id}</c> or
    /// <c>.../api/v1/groups/{id}</c>), or null when it names neither with a usable id.
    /// </summary>
    public static OktaRoleHolder? FromAssigneeHref(string? href)
    {
        if (href is null || !Uri.TryCreate(href, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var segments = uri.AbsolutePath.Trim('/').Split('/');
        if (segments.Length < 4 || segments[0] != "api" || segments[1] != "v1" || !OktaId.IsValid(segments[3]))
        {
            return null;
        }

        return segments[2] switch
        {
            "users" => User(segments[3]),
            "groups" => Group(segments[3]),
            _ => null,
        };
    }
}
