using BatonOktaAws.Core.Okta;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Review.Admin;

/// <summary>
/// Okta's rules for who can change AWS access, each with its source (docs/aws-access.md, "Who can change AWS access").
/// Every method answers why the role can, or null when it cannot.
/// <list type="bullet">
/// <item>App assignments ("Assign user access to applications", Okta's Standard administrator roles and permissions):
/// Super Admin; App Admin over the apps it manages (no targets: all; an app type target such as amazon_aws: every
/// instance; an instance target: that app). Org Admin cannot ("Org admins can't ... manage applications"; blank in
/// that row); API Access Management Admin only for OIDC apps, which the AWS SAML app is not. Custom roles:
/// okta.apps.assignment.manage, or okta.apps.manage which includes it, over a resource set holding the app.</item>
/// <item>Group membership ("Add users to groups"): Super Admin; Org Admin; Group Admin and Group Membership Admin over
/// the groups they manage (no targets: all). "Add users to a group assigned admin privileges": Super Admin only.
/// Custom roles: okta.groups.members.manage, or okta.groups.manage, over a resource set holding the group (or all
/// groups). Everyone (BUILT_IN) cannot be edited; creating a user adds one to it. APP_GROUP memberships come from
/// their directory and are not changed in Okta.</item>
/// </list>
/// </summary>
internal static class AdminRoleRules
{
    public const string AppsAssignmentManage = "okta.apps.assignment.manage";
    public const string AppsManage = "okta.apps.manage";
    public const string GroupsMembersManage = "okta.groups.members.manage";
    public const string GroupsManage = "okta.groups.manage";
    public const string UsersCreate = "okta.users.create";
    public const string UsersManage = "okta.users.manage";

    private const string AwsAppName = "amazon_aws";

    public static string? CanChangeAssignments(AdminRoleHolding role, AwsAppRecord app)
    {
        var appName = app.Name ?? AwsAppName;
        switch (role.Type)
        {
            case OktaRoleTypes.SuperAdmin:
                return "super admin: every app";
            case OktaRoleTypes.AppAdmin:
                var targets = role.AppTargets;
                if (targets.Count == 0)
                {
                    return "app admin over every app";
                }

                if (targets.Any(t => t.TargetType == AdminRoleTargetRecord.App && t.TargetId == appName))
                {
                    return $"app admin over every {appName} app";
                }

                return targets.Any(t => t.TargetType == AdminRoleTargetRecord.AppInstance && t.TargetId == app.AppId) ? "app admin over this app" : null;
            case OktaRoleTypes.Custom:
                var permission = Permission(role, AppsAssignmentManage, AppsManage);
                var resource = permission is null ? null : role.Resources!.FirstOrDefault(r =>
                    r.Kind == ResourceSetResourceRecord.AllApps
                    || (r.Kind == ResourceSetResourceRecord.AppType && r.TargetId == appName)
                    || (r.Kind == ResourceSetResourceRecord.App && r.TargetId == app.AppId));
                return resource is null ? null : $"custom role with {permission} over resource set '{role.ResourceSetLabel ?? role.Assignment.ResourceSetId}' ({Describe(resource)})";
            default:
                return null;
        }
    }

    /// <param name="holdsAdminRoles">Whether the group itself holds admin roles (only super admins manage such groups).</param>
    public static string? CanChangeMembership(AdminRoleHolding role, GroupRecord group, bool holdsAdminRoles)
    {
        if (holdsAdminRoles)
        {
            return role.Type == OktaRoleTypes.SuperAdmin ? "super admin: the only admin who can change a group that holds admin roles" : null;
        }

        return group.GroupType == "BUILT_IN" ? CreatesUsers(role) : Manages(role, group.Id);
    }

    /// <summary>Everyone has every user: whoever can create (or activate) users changes its membership.</summary>
    private static string? CreatesUsers(AdminRoleHolding role) => role.Type switch
    {
        OktaRoleTypes.SuperAdmin => "super admin: creates users, and every user is in Everyone",
        OktaRoleTypes.OrgAdmin => "org admin: creates users, and every user is in Everyone",
        OktaRoleTypes.UserAdmin => "group admin: creates users in the groups they manage, and every user is in Everyone",
        OktaRoleTypes.Custom when Permission(role, UsersCreate, UsersManage) is { } permission => $"custom role with {permission}: creates users, and every user is in Everyone",
        _ => null,
    };

    private static string? Manages(AdminRoleHolding role, string groupId)
    {
        switch (role.Type)
        {
            case OktaRoleTypes.SuperAdmin:
                return "super admin: every group";
            case OktaRoleTypes.OrgAdmin:
                return Targeted(role, groupId, "org admin");
            case OktaRoleTypes.UserAdmin:
                return Targeted(role, groupId, "group admin");
            case OktaRoleTypes.GroupMembershipAdmin:
                return Targeted(role, groupId, "group membership admin");
            case OktaRoleTypes.Custom:
                var permission = Permission(role, GroupsMembersManage, GroupsManage);
                var resource = permission is null ? null : role.Resources!.FirstOrDefault(r =>
                    r.Kind == ResourceSetResourceRecord.AllGroups || (r.Kind == ResourceSetResourceRecord.Group && r.TargetId == groupId));
                return resource is null ? null : $"custom role with {permission} over resource set '{role.ResourceSetLabel ?? role.Assignment.ResourceSetId}' ({Describe(resource)})";
            default:
                return null;
        }
    }

    /// <summary>No group targets: every group; otherwise only the groups named (Okta's "constrain to groups").</summary>
    private static string? Targeted(AdminRoleHolding role, string groupId, string who)
    {
        var targets = role.GroupTargets;
        return targets.Count == 0 ? $"{who} over every group"
            : targets.Any(t => t.TargetId == groupId) ? $"{who} over this group"
            : null;
    }

    private static string? Permission(AdminRoleHolding role, params string[] any) =>
        any.FirstOrDefault(p => role.CustomRole!.Permissions.Contains(p, StringComparer.Ordinal));

    private static string Describe(ResourceSetResourceRecord resource) => resource.Kind switch
    {
        ResourceSetResourceRecord.AllApps => "all apps",
        ResourceSetResourceRecord.AppType => $"every {resource.TargetId} app",
        ResourceSetResourceRecord.App => "this app",
        ResourceSetResourceRecord.AllGroups => "all groups",
        _ => "this group",
    };
}
