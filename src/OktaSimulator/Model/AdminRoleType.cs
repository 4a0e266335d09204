namespace OktaSimulator.Model;

/// <summary>
/// Okta's standard admin role types (RoleType in management-minimal.yaml) with their labels, and which of them
/// take targets: "all group targets for a USER_ADMIN, HELP_DESK_ADMIN, or GROUP_MEMBERSHIP_ADMIN role" and "app
/// targets for an APP_ADMIN role" (listGroupTargetsForRole, listApplicationTargetsForApplicationAdministratorRoleForUser).
/// </summary>
public static class AdminRoleType
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

    // Labels as the contract's examples spell them where it has one; USER_ADMIN is the Admin Console's "Group administrator".
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [SuperAdmin] = "Super Organization administrator",
        [OrgAdmin] = "Organization administrator",
        [AppAdmin] = "Application administrator",
        [UserAdmin] = "Group administrator",
        [GroupMembershipAdmin] = "Group Membership administrator",
        [HelpDeskAdmin] = "Help Desk administrator",
        [ReadOnlyAdmin] = "Read-only administrator",
        [ReportAdmin] = "Report administrator",
        [MobileAdmin] = "Mobile administrator",
        [ApiAccessManagementAdmin] = "API Access Management administrator",
    };

    public static IReadOnlyCollection<string> Standard => Labels.Keys;

    public static bool IsStandard(string type) => Labels.ContainsKey(type);

    public static string LabelOf(string type) => Labels[type];

    public static bool TakesGroupTargets(string type) => type is UserAdmin or HelpDeskAdmin or GroupMembershipAdmin;

    public static bool TakesAppTargets(string type) => type is AppAdmin;
}
