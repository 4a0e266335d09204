namespace BatonOktaAws.Core.Okta;

/// <summary>
/// Okta's standard admin role types (the contract's RoleType) and the targets each takes: "App targets" for
/// APP_ADMIN, "Groups" for USER_ADMIN (the Admin Console's Group administrator), HELP_DESK_ADMIN and
/// GROUP_MEMBERSHIP_ADMIN (Okta's "Roles in Okta" guide, Standard roles, "Optional targets"). Custom roles are
/// CUSTOM, scoped by a resource set instead.
/// </summary>
public static class OktaRoleTypes
{
    public const string SuperAdmin = "SUPER_ADMIN";
    public const string OrgAdmin = "ORG_ADMIN";
    public const string AppAdmin = "APP_ADMIN";
    public const string UserAdmin = "USER_ADMIN";
    public const string GroupMembershipAdmin = "GROUP_MEMBERSHIP_ADMIN";
    public const string HelpDeskAdmin = "HELP_DESK_ADMIN";
    public const string ReadOnlyAdmin = "READ_ONLY_ADMIN";
    public const string ReportAdmin = "REPORT_ADMIN";
    public const string MobileAdmin = "MOBILE_ADMIN";
    public const string ApiAccessManagementAdmin = "API_ACCESS_MANAGEMENT_ADMIN";
    public const string Custom = "CUSTOM";

    /// <summary>The standard roles Okta documents (IAM-based ones such as ACCESS_REQUESTS_ADMIN are not among them).</summary>
    public static IReadOnlySet<string> Standard { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        SuperAdmin, OrgAdmin, AppAdmin, UserAdmin, GroupMembershipAdmin, HelpDeskAdmin, ReadOnlyAdmin, ReportAdmin, MobileAdmin, ApiAccessManagementAdmin,
    };

    public static bool TakesAppTargets(string? type) => type == AppAdmin;

    public static bool TakesGroupTargets(string? type) => type is UserAdmin or HelpDeskAdmin or GroupMembershipAdmin;
}
