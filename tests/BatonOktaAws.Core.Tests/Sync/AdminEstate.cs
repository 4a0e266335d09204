using System.Text.Json.Nodes;
using OktaSimulator.Fixtures;

namespace BatonOktaAws.Core.Tests.Sync;

/// <summary>
/// An org built to show every admin role rule once: two AWS apps (prod 111111111111 with groups 'aws-admins' [Admin],
/// 'aws-devs' [Dev], an AD-mastered 'ad-readers' [Read] and 'privileged' [Admin], which itself holds an admin role;
/// other 222222222222 with 'aws-other' [Read]), a bookmark app, and one user per role: each standard role with and
/// without targets, a group membership admin role held through the group 'admin-holders', and custom roles with and
/// without the permission or the resource.
/// </summary>
internal static class AdminEstate
{
    public const string Prod = "0oaadminaws000000001";
    public const string Other = "0oaadminaws000000002";
    public const string Bookmark = "0oaadminbook00000003";
    public const string Directory = "0oaadminad0000000004";

    public const string Admins = "00gadminawsadm000001";
    public const string Devs = "00gadminawsdev000002";
    public const string OtherGroup = "00gadminawsoth000003";
    public const string AdminHolders = "00gadminholders00004";
    public const string AdReaders = "00gadminadread000005";
    public const string Privileged = "00gadminprivgrp00006";

    public const string CustomBoth = "cr0adminboth00000001";
    public const string CustomRead = "cr0adminread00000002";
    public const string CustomAllApps = "cr0adminapps00000003";
    public const string SetProd = "iamadminprod00000001";
    public const string SetBookmark = "iamadminbook00000002";
    public const string SetAllApps = "iamadminapps00000003";

    /// <summary>Login (local part) → user id, for the users holding roles (and the members of the AWS groups).</summary>
    public static readonly IReadOnlyDictionary<string, string> Ids = new Dictionary<string, string>
    {
        ["super"] = "00uadmsuper000000001",
        ["org"] = "00uadmorg00000000002",
        ["appall"] = "00uadmappall00000003",
        ["apptype"] = "00uadmapptype0000004",
        ["appinst"] = "00uadmappinst0000005",
        ["appother"] = "00uadmappother000006",
        ["groupadmin"] = "00uadmgroupadm000007",
        ["groupadmint"] = "00uadmgroupadmt00008",
        ["gma"] = "00uadmgma00000000009",
        ["gmaall"] = "00uadmgmaall00000010",
        ["helpdesk"] = "00uadmhelpdesk000011",
        ["readonly"] = "00uadmreadonly000012",
        ["viagroup"] = "00uadmviagroup000013",
        ["customboth"] = "00uadmcustboth000014",
        ["customnoperm"] = "00uadmcustnoprm00015",
        ["customnores"] = "00uadmcustnores00016",
        ["customallapps"] = "00uadmcustall0000017",
        ["member1"] = "00uadmmember10000018",
        ["member2"] = "00uadmmember20000019",
        ["member3"] = "00uadmmember30000020",
    };

    /// <summary>Users holding a role of their own (what <c>/api/v1/iam/assignees/users</c> lists).</summary>
    public static readonly string[] OwnRoleHolders =
        ["super", "org", "appall", "apptype", "appinst", "appother", "groupadmin", "groupadmint", "gma", "gmaall", "helpdesk", "readonly", "customboth", "customnoperm", "customnores", "customallapps"];

    public static string Login(string name) => $"{name}@admin.example";

    public static OrgFixture Fixture(bool tokenIsSuperAdmin = true) => new()
    {
        Org = new FixtureOrg { CompanyName = "Admin Estate", Subdomain = "admin-estate", TokenIsSuperAdmin = tokenIsSuperAdmin },
        Users = [.. Ids.Select(p => new FixtureUser { Id = p.Value, Login = Login(p.Key), FirstName = p.Key, LastName = "Admin", AdminRoles = RolesOf(p.Key) })],
        Groups =
        [
            new FixtureGroup { Id = Admins, Name = "aws-admins", Members = [Ids["member1"]] },
            new FixtureGroup { Id = Devs, Name = "aws-devs", Members = [Ids["member2"]] },
            new FixtureGroup { Id = OtherGroup, Name = "aws-other", Members = [] },
            new FixtureGroup
            {
                Id = AdminHolders,
                Name = "admin-holders",
                Members = [Ids["viagroup"]],
                AdminRoles = [new FixtureAdminRole { Id = "raadmviagroup0000001", Type = "GROUP_MEMBERSHIP_ADMIN", Targets = new FixtureRoleTargets { Groups = [Devs] } }],
            },
            new FixtureGroup { Id = AdReaders, Name = "ad-readers", SourceAppId = Directory, Members = [Ids["member3"]] },
            new FixtureGroup
            {
                Id = Privileged,
                Name = "privileged",
                Members = [Ids["member3"]],
                AdminRoles = [new FixtureAdminRole { Id = "raadmprivileged00001", Type = "READ_ONLY_ADMIN" }],
            },
        ],
        Apps =
        [
            Aws(Prod, "AWS prod", "111111111111", ["Admin", "Dev", "Read"], [(Admins, ["Admin"]), (Devs, ["Dev"]), (AdReaders, ["Read"]), (Privileged, ["Admin"])]),
            Aws(Other, "AWS other", "222222222222", ["Read"], [(OtherGroup, ["Read"])]),
            new FixtureApp { Id = Bookmark, Name = "bookmark", Label = "Wiki", SignOnMode = "BOOKMARK", SettingsApp = new JsonObject { ["url"] = "https://wiki.admin.example" } },
            new FixtureApp { Id = Directory, Name = "active_directory", Label = "AD", SignOnMode = "BOOKMARK", SettingsApp = [] },
        ],
        CustomRoles =
        [
            new FixtureCustomRole { Id = CustomBoth, Label = "AWS assigner", Permissions = ["okta.apps.read", "okta.apps.assignment.manage", "okta.groups.members.manage"] },
            new FixtureCustomRole { Id = CustomRead, Label = "AWS reader", Permissions = ["okta.apps.read", "okta.groups.read"] },
            new FixtureCustomRole { Id = CustomAllApps, Label = "App manager", Permissions = ["okta.apps.manage"] },
        ],
        ResourceSets =
        [
            new FixtureResourceSet { Id = SetProd, Label = "prod", Resources = [$"apps:amazon_aws:{Prod}", $"groups:{Devs}"] },
            new FixtureResourceSet { Id = SetBookmark, Label = "wiki", Resources = ["apps:bookmark", $"groups:{OtherGroup}"] },
            new FixtureResourceSet { Id = SetAllApps, Label = "every app", Resources = ["apps"] },
        ],
    };

    private static List<FixtureAdminRole> RolesOf(string name) => name switch
    {
        "super" => [Standard("SUPER_ADMIN")],
        "org" => [Standard("ORG_ADMIN")],
        "appall" => [Standard("APP_ADMIN")],
        "apptype" => [Standard("APP_ADMIN", apps: ["amazon_aws"])],
        "appinst" => [Standard("APP_ADMIN", apps: [$"amazon_aws:{Other}"])],
        "appother" => [Standard("APP_ADMIN", apps: ["bookmark"])],
        "groupadmin" => [Standard("USER_ADMIN")],
        "groupadmint" => [Standard("USER_ADMIN", groups: [Devs])],
        "gma" => [Standard("GROUP_MEMBERSHIP_ADMIN", groups: [Admins])],
        "gmaall" => [Standard("GROUP_MEMBERSHIP_ADMIN")],
        "helpdesk" => [Standard("HELP_DESK_ADMIN")],
        "readonly" => [Standard("READ_ONLY_ADMIN")],
        "customboth" => [Custom(CustomBoth, SetProd)],
        "customnoperm" => [Custom(CustomRead, SetProd)],
        "customnores" => [Custom(CustomBoth, SetBookmark)],
        "customallapps" => [Custom(CustomAllApps, SetAllApps)],
        _ => [],
    };

    private static FixtureAdminRole Standard(string type, List<string>? apps = null, List<string>? groups = null) =>
        new() { Type = type, Targets = apps is null && groups is null ? null : new FixtureRoleTargets { Apps = apps ?? [], Groups = groups ?? [] } };

    private static FixtureAdminRole Custom(string role, string set) => new() { Type = "CUSTOM", Role = role, ResourceSet = set };

    private static FixtureApp Aws(string id, string label, string account, List<string> roles, (string Group, List<string> Roles)[] groups) => new()
    {
        Id = id,
        Label = label,
        SettingsApp = new JsonObject { ["identityProviderArn"] = $"arn:aws:iam::{account}:saml-provider/Okta", ["joinAllRoles"] = false, ["useGroupMapping"] = false },
        RoleList = new FixtureRoleList { SamlIamRoles = roles },
        GroupAssignments = [.. groups.Select((g, i) => new FixtureGroupAssignment { GroupId = g.Group, Priority = i, SamlRoles = g.Roles })],
    };
}
