using OktaSimulator.Fixtures;
using OktaSimulator.Model;

namespace OktaSimulator.Tests;

/// <summary>Small orgs built for one rule each.</summary>
internal static class TestOrgs
{
    public const string AppId = "0oatestaws0000000001";

    /// <summary>
    /// Three users and three assigned groups: g-high (priority 0, [High]), g-low (priority 5, [Low]),
    /// g-other (priority 2, [Other]). u-both is in g-high and g-low; u-low only in g-low; u-direct is directly
    /// assigned ([Direct]) and also in g-high. u-none is in no assigned group.
    /// </summary>
    public static OrgFixture PriorityFixture(bool union = false) => new()
    {
        Users =
        [
            User("00utestboth000000001", "both@test.example"),
            User("00utestlow0000000002", "low@test.example"),
            User("00utestdirect0000003", "direct@test.example"),
            User("00utestnone000000004", "none@test.example"),
        ],
        Groups =
        [
            new FixtureGroup { Id = "00gtesthigh000000001", Name = "g-high", Members = ["00utestboth000000001", "00utestdirect0000003"] },
            new FixtureGroup { Id = "00gtestlow0000000002", Name = "g-low", Members = ["00utestboth000000001", "00utestlow0000000002"] },
            new FixtureGroup { Id = "00gtestother00000003", Name = "g-other", Members = [] },
            new FixtureGroup { Id = "00gtestunassigned004", Name = "g-unassigned", Members = ["00utestnone000000004"] },
            new FixtureGroup { Id = "00gtestappgroup00005", Name = "ad-group", Type = GroupType.AppGroup, Members = [] },
        ],
        Apps =
        [
            new FixtureApp
            {
                Id = AppId,
                SamlRolesUnion = union,
                SettingsApp = new() { ["identityProviderArn"] = "arn:aws:iam::111122223333:saml-provider/Okta", ["joinAllRoles"] = false, ["useGroupMapping"] = false },
                RoleList = new FixtureRoleList { SamlIamRoles = ["Direct", "High", "Low", "Other"] },
                UserAssignments = [new FixtureUserAssignment { UserId = "00utestdirect0000003", SamlRoles = ["Direct"] }],
                GroupAssignments =
                [
                    new FixtureGroupAssignment { GroupId = "00gtestlow0000000002", Priority = 5, SamlRoles = ["Low"] },
                    new FixtureGroupAssignment { GroupId = "00gtesthigh000000001", Priority = 0, SamlRoles = ["High"] },
                    new FixtureGroupAssignment { GroupId = "00gtestother00000003", Priority = 2, SamlRoles = ["Other"] },
                ],
            },
        ],
    };

    public static OrgState Small() => OrgGenerator.Generate(OrgShape.Small);

    public const string RoleAppId = "0oatestrole000000001";

    /// <summary>
    /// The AWS app's default <c>role</c> beside <c>samlRoles</c>: g-high (priority 0, role HighDefault, [High]),
    /// g-norole (priority 1, no role, [NoRole]), g-low (priority 5, role LowDefault, [Low]). u-both is in g-high and
    /// g-low; u-norole in g-norole and g-low; u-direct is assigned directly (role DirectDefault, no SAML roles) and is
    /// also in g-high. The role list has IAM roles beyond the SAML ones.
    /// </summary>
    public static OrgFixture DefaultRoleFixture(bool union = false) => new()
    {
        Users =
        [
            User("00uroleboth000000001", "both@role.example"),
            User("00uroledirect0000002", "direct@role.example"),
            User("00urolenorole0000003", "norole@role.example"),
        ],
        Groups =
        [
            new FixtureGroup { Id = "00grolehigh000000001", Name = "g-high", Members = ["00uroleboth000000001", "00uroledirect0000002"] },
            new FixtureGroup { Id = "00grolenorole0000002", Name = "g-norole", Members = ["00urolenorole0000003"] },
            new FixtureGroup { Id = "00grolelow0000000003", Name = "g-low", Members = ["00uroleboth000000001", "00urolenorole0000003"] },
        ],
        Apps =
        [
            new FixtureApp
            {
                Id = RoleAppId,
                SamlRolesUnion = union,
                SettingsApp = new() { ["identityProviderArn"] = "arn:aws:iam::444455556666:saml-provider/Okta", ["useGroupMapping"] = false },
                RoleList = new FixtureRoleList { SamlIamRoles = ["High", "Low", "NoRole"], IamRoles = ["DirectDefault", "HighDefault", "LowDefault"] },
                UserAssignments = [new FixtureUserAssignment { UserId = "00uroledirect0000002", SamlRoles = [], Role = "DirectDefault" }],
                GroupAssignments =
                [
                    new FixtureGroupAssignment { GroupId = "00grolehigh000000001", Priority = 0, SamlRoles = ["High"], Role = "HighDefault" },
                    new FixtureGroupAssignment { GroupId = "00grolenorole0000002", Priority = 1, SamlRoles = ["NoRole"] },
                    new FixtureGroupAssignment { GroupId = "00grolelow0000000003", Priority = 5, SamlRoles = ["Low"], Role = "LowDefault" },
                ],
            },
        ],
    };

    public const string ProductionAppId = "0oatestawsprod000001";
    public const string StagingAppId = "0oatestawsstage00002";
    public const string SandboxAppId = "0oatestawssandbox003";
    public const string DirectoryAppId = "0oatestad00000000004";
    public const string WikiAppId = "0oatestbookmark00005";
    public const string AdGroupId = "00gtestadeng00000002";

    /// <summary>
    /// Three AWS apps (production, a deactivated staging app, sandbox — listed in that order, so insertion order
    /// differs from id order), an Active Directory app and a bookmark app. "Engineering (AD)" is an APP_GROUP
    /// imported from the directory app (two members) and assigned to production and sandbox; "aws-users" is an
    /// OKTA_GROUP assigned to production.
    /// </summary>
    public static OrgFixture MultiAppFixture() => new()
    {
        Users = [User("00utestmulti00000001", "multi@test.example"), User("00utestmulti00000002", "second@test.example")],
        Groups =
        [
            new FixtureGroup { Id = "00gtestmulti00000001", Name = "aws-users", Members = ["00utestmulti00000001"] },
            new FixtureGroup
            {
                Id = AdGroupId, Name = "Engineering (AD)", SourceAppId = DirectoryAppId,
                Members = ["00utestmulti00000001", "00utestmulti00000002"],
            },
        ],
        Apps =
        [
            new FixtureApp
            {
                Id = ProductionAppId,
                Label = "AWS Production",
                SettingsApp = new() { ["identityProviderArn"] = "arn:aws:iam::111111111111:saml-provider/Okta", ["useGroupMapping"] = false },
                GroupAssignments =
                [
                    new FixtureGroupAssignment { GroupId = "00gtestmulti00000001", SamlRoles = ["Admin"] },
                    new FixtureGroupAssignment { GroupId = AdGroupId, SamlRoles = ["ReadOnly"] },
                ],
            },
            new FixtureApp
            {
                Id = StagingAppId,
                Label = "AWS Staging",
                Status = "INACTIVE",
                SettingsApp = new() { ["identityProviderArn"] = "arn:aws:iam::222222222222:saml-provider/Okta", ["useGroupMapping"] = false },
            },
            new FixtureApp
            {
                Id = SandboxAppId,
                Label = "Sandbox accounts",
                SettingsApp = new() { ["identityProviderArn"] = "arn:aws:iam::333333333333:saml-provider/Okta", ["useGroupMapping"] = false },
                GroupAssignments = [new FixtureGroupAssignment { GroupId = AdGroupId, SamlRoles = ["Admin"] }],
            },
            new FixtureApp { Id = DirectoryAppId, Name = "active_directory", Label = "corp.example.com", SignOnMode = "BOOKMARK" },
            new FixtureApp { Id = WikiAppId, Name = "bookmark", Label = "Company wiki", SignOnMode = "BOOKMARK", SettingsApp = new() { ["url"] = "https://wiki.example" } },
        ],
    };

    public const string CredentialsAppId = "0oatestcreds00000001";
    public const string FixtureAccessKey = "AKIAFIXTURE7EXAMPLE2";
    public const string FixtureSecretKey = "fixtureSecretKey/K7MDENG+bPxRfiCYEXAMPLEKEY";

    /// <summary>One AWS app whose settings.app carries the AWS API credentials Okta uses to read the role list.</summary>
    public static OrgFixture CredentialsFixture() => new()
    {
        Users = [User("00utestcreds00000001", "creds@test.example")],
        Apps =
        [
            new FixtureApp
            {
                Id = CredentialsAppId,
                SettingsApp = new()
                {
                    ["identityProviderArn"] = "arn:aws:iam::777788889999:saml-provider/Okta",
                    ["useGroupMapping"] = false,
                    ["accessKey"] = FixtureAccessKey,
                    ["secretKey"] = FixtureSecretKey,
                    ["secretKeyEnc"] = "ENC(fixture-encrypted-secret-key)",
                },
                RoleList = new FixtureRoleList { SamlIamRoles = ["Admin"] },
                UserAssignments = [new FixtureUserAssignment { UserId = "00utestcreds00000001", SamlRoles = ["Admin"] }],
            },
        ],
    };

    public const string AdminOrgAwsAppId = "0oaadminaws000000001";
    public const string AdminOrgWikiAppId = "0oaadminwiki00000002";
    public const string SuperAdminUser = "00uadminsuper0000001";
    public const string AppAdminUser = "00uadminapp000000002";
    public const string HelpDeskUser = "00uadminhelpdesk0003";
    public const string CustomRoleUser = "00uadmincustom000004";
    public const string GroupAdminUser = "00uadminviagroup0005";
    public const string PlainUser = "00uadminplain0000006";
    public const string AdminsGroup = "00gadminadmins000001";
    public const string AwsGroup = "00gadminaws000000002";
    public const string EngineeringGroup = "00gadmineng000000003";
    public const string AwsAssignerRole = "cr0awsassigner000001";
    public const string ReadOnlyRole = "cr0readonly000000002";
    public const string AwsResourceSet = "iamawsresources00001";
    public const string EverythingResourceSet = "iameverything0000002";

    /// <summary>
    /// Admin roles of every kind: a super admin; an app admin over one AWS app and every bookmark app who is also a
    /// group admin over all groups; a help desk admin over two groups; a user bound to the custom "AWS assigner" role
    /// over a resource set (the AWS app and the AWS group); and a user who holds roles only through the admins
    /// group (GROUP_MEMBERSHIP_ADMIN over the AWS group, and the custom role through the same resource set).
    /// </summary>
    public static OrgFixture AdminFixture(bool? tokenIsSuperAdmin = null) => new()
    {
        Org = tokenIsSuperAdmin is null ? null : new FixtureOrg { CompanyName = "Admins", TokenIsSuperAdmin = tokenIsSuperAdmin },
        Users =
        [
            User(SuperAdminUser, "super@admin.example", new FixtureAdminRole { Id = "rasuper0000000000001", Type = "SUPER_ADMIN" }),
            User(
                AppAdminUser,
                "app@admin.example",
                new FixtureAdminRole { Id = "raappadmin0000000002", Type = "APP_ADMIN", Targets = new FixtureRoleTargets { Apps = [$"amazon_aws:{AdminOrgAwsAppId}", "bookmark"] } },
                new FixtureAdminRole { Id = "rauseradmin000000003", Type = "USER_ADMIN" }),
            User(HelpDeskUser, "helpdesk@admin.example", new FixtureAdminRole { Id = "rahelpdesk0000000004", Type = "HELP_DESK_ADMIN", Targets = new FixtureRoleTargets { Groups = [EngineeringGroup, AwsGroup] } }),
            User(CustomRoleUser, "custom@admin.example", new FixtureAdminRole { Id = "irbcustomuser0000001", Type = "CUSTOM", Role = AwsAssignerRole, ResourceSet = AwsResourceSet }),
            User(GroupAdminUser, "viagroup@admin.example"),
            User(PlainUser, "plain@admin.example"),
        ],
        Groups =
        [
            new FixtureGroup
            {
                Id = AdminsGroup, Name = "Okta admins", Members = [GroupAdminUser],
                AdminRoles = [new FixtureAdminRole { Id = "ragroupmembership005", Type = "GROUP_MEMBERSHIP_ADMIN", Targets = new FixtureRoleTargets { Groups = [AwsGroup] } }],
            },
            new FixtureGroup { Id = AwsGroup, Name = "AWS users", Members = [PlainUser, GroupAdminUser] },
            new FixtureGroup { Id = EngineeringGroup, Name = "Engineering", Members = [PlainUser] },
        ],
        Apps =
        [
            new FixtureApp { Id = AdminOrgAwsAppId, Label = "AWS Production", SettingsApp = new() { ["identityProviderArn"] = "arn:aws:iam::121212121212:saml-provider/Okta" } },
            new FixtureApp { Id = AdminOrgWikiAppId, Name = "bookmark", Label = "Wiki", SignOnMode = "BOOKMARK" },
        ],
        CustomRoles =
        [
            new FixtureCustomRole { Id = AwsAssignerRole, Label = "AWS assigner", Description = "Assigns the AWS app", Permissions = ["okta.apps.assignment.manage", "okta.groups.members.manage"] },
            new FixtureCustomRole { Id = ReadOnlyRole, Label = "Reader", Permissions = ["okta.apps.read"] },
        ],
        ResourceSets =
        [
            new FixtureResourceSet
            {
                Id = AwsResourceSet, Label = "AWS resources", Resources = [$"apps:amazon_aws:{AdminOrgAwsAppId}", $"groups:{AwsGroup}"],
                Bindings = [new FixtureBinding { Role = AwsAssignerRole, Members = [AdminsGroup] }],
            },
            new FixtureResourceSet { Id = EverythingResourceSet, Label = "Everything", Resources = ["apps", "groups", "apps:amazon_aws"] },
        ],
    };

    /// <summary>An org with <paramref name="count"/> AWS apps and nothing else, for paging.</summary>
    public static OrgFixture AppsOnly(int count) => new()
    {
        Apps = [.. Enumerable.Range(0, count).Select(i => new FixtureApp { Id = $"0oapaging{i:D11}", Label = $"AWS {i:D3}" })],
    };

    private static FixtureUser User(string id, string login, params FixtureAdminRole[] adminRoles) => new() { Id = id, Login = login, AdminRoles = [.. adminRoles] };
}
