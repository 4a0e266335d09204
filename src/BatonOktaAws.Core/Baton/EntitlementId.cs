using System.Diagnostics.CodeAnalysis;

namespace BatonOktaAws.Core.Baton;

/// <summary>
/// A Baton entitlement id, <c>type:resourceId:slug</c>: <c>group:&lt;groupId&gt;:member</c>,
/// <c>account:&lt;accountId&gt;:&lt;role&gt;</c> or <c>role:&lt;roleIdOrType&gt;:assigned</c> (an Okta admin role,
/// read-only). No part may contain ':'.
/// </summary>
public sealed record EntitlementId(string ResourceType, string ResourceId, string Slug)
{
    public const string MemberSlug = "member";
    public const string AssignedSlug = "assigned";

    public static EntitlementId GroupMember(string groupId) => new(Baton.ResourceType.Group, groupId, MemberSlug);

    public static EntitlementId AccountRole(string accountId, string role) => new(Baton.ResourceType.Account, accountId, role);

    public bool IsGroupMembership => ResourceType == Baton.ResourceType.Group && Slug == MemberSlug;

    public bool IsAccountRole => ResourceType == Baton.ResourceType.Account;

    /// <summary>An Okta admin role: <paramref name="roleIdOrType"/> is a standard role's type or a custom role's id.</summary>
    public static EntitlementId AdminRoleAssigned(string roleIdOrType) => new(Baton.ResourceType.AdminRole, roleIdOrType, AssignedSlug);

    public bool IsAdminRole => ResourceType == Baton.ResourceType.AdminRole && Slug == AssignedSlug;

    public static bool TryParse(string? text, [NotNullWhen(true)] out EntitlementId? id)
    {
        id = null;
        var parts = text?.Split(':');
        if (parts is not { Length: 3 } || parts.Any(string.IsNullOrEmpty))
        {
            return false;
        }

        var candidate = new EntitlementId(parts[0], parts[1], parts[2]);
        if (!candidate.IsGroupMembership && !candidate.IsAccountRole && !candidate.IsAdminRole)
        {
            return false;
        }

        id = candidate;
        return true;
    }

    public override string ToString() => $"{ResourceType}:{ResourceId}:{Slug}";
}
