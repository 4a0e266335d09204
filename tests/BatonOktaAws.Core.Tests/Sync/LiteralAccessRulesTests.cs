using System.Text.Json.Nodes;
using BatonOktaAws.Store.Model;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;
using OktaSimulator.Model;

namespace BatonOktaAws.Core.Tests.Sync;

/// <summary>
/// One small org per access rule, synced by the real engine from the simulator, with the expected access rows and
/// warnings written out by hand from Okta's documentation (or docs/aws-access.md's documented choice where Okta is
/// silent) — never computed by a helper, so a rule that drifts in both the code and the test oracle still fails
/// against text a person can check.
/// </summary>
public sealed class LiteralAccessRulesTests
{
    private const string Account = "123456789012";
    private const string SingleAccountApp = "0oaliteralaws0000001";
    private const string MappingApp = "0oaliteralmapaws0002";
    private const string ActiveDirectory = "0oaliteralad00000003";

    private const string Pat = "00uliteralpat0000001";
    private const string PatLogin = "pat@literal.example";

    // ---- Join all roles: Okta's own example, as written ----

    /// <summary>
    /// Okta, "Configure the Amazon Web Services Account Federation app in Okta"
    /// (https://help.okta.com/en-us/content/topics/deploymentguides/aws/aws-configure-aws-app.htm), Join all roles:
    /// "If a user is directly assigned Role1 and Role2 (user-to-app assignment), and the user belongs to group GroupAWS
    /// with RoleA and RoleB assigned (group-to-app assignment), then select Join all roles OFF: Role1 and Role2 are
    /// available upon sign-in to AWS Join all roles ON: Role1, Role2, RoleA, and RoleB are available upon sign-in to AWS."
    /// </summary>
    [Fact]
    public async Task RunAsync_OktasJoinAllRolesExampleWithJoinAllRolesOn_GivesRole1Role2RoleAAndRoleB()
    {
        await using var simulator = await TestSimulator.StartAsync(JoinAllRolesExample(joinAllRoles: true).ToState());
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync(appId: SingleAccountApp);

        ExpectedRow[] expected =
        [
            new(Pat, PatLogin, "ACTIVE", Account, "Role1", "direct", SingleAccountApp),
            new(Pat, PatLogin, "ACTIVE", Account, "Role2", "direct", SingleAccountApp),
            new(Pat, PatLogin, "ACTIVE", Account, "RoleA", "group:00gliteralgroupaws01", SingleAccountApp),
            new(Pat, PatLogin, "ACTIVE", Account, "RoleB", "group:00gliteralgroupaws01", SingleAccountApp),
        ];
        Assert.Equal(ExpectedAccess.Normalize(expected), harness.AccessRows());
        Assert.Equal([], Sorted(result.Warnings));
    }

    /// <summary>The same sentence, the other half: "Join all roles OFF: Role1 and Role2 are available upon sign-in to AWS".</summary>
    [Fact]
    public async Task RunAsync_OktasJoinAllRolesExampleWithJoinAllRolesOff_GivesOnlyRole1AndRole2()
    {
        await using var simulator = await TestSimulator.StartAsync(JoinAllRolesExample(joinAllRoles: false).ToState());
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync(appId: SingleAccountApp);

        ExpectedRow[] expected =
        [
            new(Pat, PatLogin, "ACTIVE", Account, "Role1", "direct", SingleAccountApp),
            new(Pat, PatLogin, "ACTIVE", Account, "Role2", "direct", SingleAccountApp),
        ];
        Assert.Equal(ExpectedAccess.Normalize(expected), harness.AccessRows());
        Assert.Equal([], Sorted(result.Warnings));
    }

    // ---- A role name IAM cannot accept ----

    /// <summary>
    /// docs/aws-access.md (Okta is silent; IAM User Guide, "IAM object names": 1 to 64 letters, digits and +=,.@_-):
    /// "A role name IAM cannot accept ... can never be assumed: it is left out with the warning unusable-role." The
    /// usable names beside it are still handed out, as Okta's guide says a profile's samlRoles are.
    /// </summary>
    [Fact]
    public async Task RunAsync_AssignmentsNamingARoleIamCannotAccept_LeaveThatRoleOutWithAWarning()
    {
        var fixture = SingleAccount(joinAllRoles: true);
        fixture.Apps[0].UserAssignments.Add(new FixtureUserAssignment { UserId = Pat, SamlRoles = ["Admin Role", "ReadOnly"] });
        fixture.Apps[0].GroupAssignments.Add(new FixtureGroupAssignment { GroupId = "00gliteralgroupaws01", Priority = 0, SamlRoles = ["Billing", "Ops/Team"] });
        await using var simulator = await TestSimulator.StartAsync(fixture.ToState());
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync(appId: SingleAccountApp);

        ExpectedRow[] expected =
        [
            new(Pat, PatLogin, "ACTIVE", Account, "ReadOnly", "direct", SingleAccountApp),
            new(Pat, PatLogin, "ACTIVE", Account, "Billing", "group:00gliteralgroupaws01", SingleAccountApp),
        ];
        WarningRecord[] warnings =
        [
            new(
                "unusable-role",
                "The samlRole of user 00uliteralpat0000001's direct assignment in 'Amazon Web Services' (0oaliteralaws0000001) is 'Admin Role', which IAM does not accept as a role name (1 to 64 letters, digits and +=,.@_-); it can never be assumed and was left out.",
                SingleAccountApp,
                "user",
                Pat),
            new(
                "unusable-role",
                "The samlRole of group 'GroupAWS' (00gliteralgroupaws01) in 'Amazon Web Services' (0oaliteralaws0000001) is 'Ops/Team', which IAM does not accept as a role name (1 to 64 letters, digits and +=,.@_-); it can never be assumed and was left out.",
                SingleAccountApp,
                "group",
                "00gliteralgroupaws01"),
        ];
        Assert.Equal(ExpectedAccess.Normalize(expected), harness.AccessRows());
        Assert.Equal(Sorted(warnings), Sorted(result.Warnings));
    }

    /// <summary>
    /// Okta's AWS SAML guide: "If no values are selected for SAML user roles, then a value from the Role drop-down is
    /// used as a default role." Here a value is selected — one IAM cannot accept, so it gives nothing — and the default
    /// role does not stand in for it (docs/aws-access.md: "A profile with both hands out only its samlRoles").
    /// </summary>
    [Fact]
    public async Task RunAsync_OnlyUnusableSamlRolesBesideADefaultRole_GivesNothingNotTheDefault()
    {
        var fixture = SingleAccount(joinAllRoles: false);
        fixture.Apps[0].UserAssignments.Add(new FixtureUserAssignment { UserId = Pat, SamlRoles = ["Admin Role"], Role = "ReadOnly" });
        await using var simulator = await TestSimulator.StartAsync(fixture.ToState());
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync(appId: SingleAccountApp);

        WarningRecord[] warnings =
        [
            new(
                "unusable-role",
                "The samlRole of user 00uliteralpat0000001's direct assignment in 'Amazon Web Services' (0oaliteralaws0000001) is 'Admin Role', which IAM does not accept as a role name (1 to 64 letters, digits and +=,.@_-); it can never be assumed and was left out.",
                SingleAccountApp,
                "user",
                Pat),
        ];
        Assert.Equal([], harness.AccessRows());
        Assert.Equal(Sorted(warnings), Sorted(result.Warnings));
    }

    /// <summary>
    /// Deriving works each distinct profile out once; a profile whose one unusable name holds what looks like two
    /// usable ones joined by a control character must not be taken for the profile with those two (it gives nothing).
    /// </summary>
    [Fact]
    public async Task RunAsync_UnusableRoleNameLookingLikeTwoJoinedNames_GivesNothingAfterAUserWithThoseTwo()
    {
        const string Sam = "00uliteralsam0000002";
        var fixture = SingleAccount(joinAllRoles: false);
        fixture.Users.Add(new FixtureUser { Id = Sam, Login = "sam@literal.example" });
        fixture.Apps[0].UserAssignments.Add(new FixtureUserAssignment { UserId = Pat, SamlRoles = ["Billing", "ReadOnly"] });
        fixture.Apps[0].UserAssignments.Add(new FixtureUserAssignment { UserId = Sam, SamlRoles = ["Billing\u001fReadOnly"] });
        await using var simulator = await TestSimulator.StartAsync(fixture.ToState());
        using var harness = new SyncHarness(simulator);

        await harness.SyncAsync(appId: SingleAccountApp);

        ExpectedRow[] expected =
        [
            new(Pat, PatLogin, "ACTIVE", Account, "Billing", "direct", SingleAccountApp),
            new(Pat, PatLogin, "ACTIVE", Account, "ReadOnly", "direct", SingleAccountApp),
        ];
        Assert.Equal(ExpectedAccess.Normalize(expected), harness.AccessRows());
    }

    // ---- Group mapping: Okta's documented filters and group names ----

    /// <summary>
    /// Okta, "Enable group-based role mapping in Okta"
    /// (https://help.okta.com/en/prod/Content/Topics/DeploymentGuides/AWS/aws-enable-role-based.htm): "If you use the
    /// default AWS role group syntax (aws#[account alias]#[role name]#[account #]), then you can use this RegEx string:
    /// ^aws\#\S+\#(?{{role}}[\w\-]+)\#(?{{accountid}}\d+)$ ... You can also use this RegEx expression:
    /// aws_(?{{accountid}}\d+)_(?{{role}}[a-zA-Z0-9+=,.@\-_]+)". And "Connect Okta to multiple AWS instances using
    /// groups" (https://help.okta.com/en/prod/Content/Topics/DeploymentGuides/AWS/connect-okta-multiple-aws-groups.htm):
    /// "A user who is a member of a role-specific group is granted a single-entitlement access to one specific role in
    /// one specific AWS account." One app per documented filter; pat is assigned to both.
    /// </summary>
    [Fact]
    public async Task RunAsync_GroupMappingWithOktasDocumentedFilters_GivesEachRoleGroupsOneRoleInOneAccount()
    {
        const string HashApp = "0oaliteralhashaws004";
        var fixture = new OrgFixture
        {
            Users = [new FixtureUser { Id = Pat, Login = PatLogin }],
            Groups =
            [
                new FixtureGroup { Id = "00gliteralhashprod01", Name = "aws#prod#PowerUser#123456789012", Members = [Pat] },
                new FixtureGroup { Id = "00gliteralhashdev002", Name = "aws#dev#ReadOnly#210987654321", Members = [Pat] },
                new FixtureGroup { Id = "00gliteralunderadm03", Name = "aws_123456789012_Admin", Members = [Pat] },
                new FixtureGroup { Id = "00gliteralunderbil04", Name = "aws_210987654321_Billing", Members = [Pat] },
            ],
            Apps =
            [
                MappingAppFixture(MappingApp, @"aws_(?{{accountid}}\d+)_(?{{role}}[a-zA-Z0-9+=,.@\-_]+)", appFilter: null),
                MappingAppFixture(HashApp, @"^aws\#\S+\#(?{{role}}[\w\-]+)\#(?{{accountid}}\d+)$", appFilter: null),
            ],
        };
        await using var simulator = await TestSimulator.StartAsync(fixture.ToState());
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync(appId: $"{MappingApp},{HashApp}");

        ExpectedRow[] expected =
        [
            new(Pat, PatLogin, "ACTIVE", "123456789012", "Admin", "group:00gliteralunderadm03", MappingApp),
            new(Pat, PatLogin, "ACTIVE", "210987654321", "Billing", "group:00gliteralunderbil04", MappingApp),
            new(Pat, PatLogin, "ACTIVE", "123456789012", "PowerUser", "group:00gliteralhashprod01", HashApp),
            new(Pat, PatLogin, "ACTIVE", "210987654321", "ReadOnly", "group:00gliteralhashdev002", HashApp),
        ];
        Assert.Equal(ExpectedAccess.Normalize(expected), harness.AccessRows());
        Assert.Equal([], Sorted(result.Warnings));
    }

    // ---- Group mapping: a name whose match cannot become access ----

    /// <summary>
    /// docs/aws-access.md, group mapping: "A name that matches but cannot become access — an account that is not 12
    /// digits, a role IAM cannot accept, a match that took longer than 250 ms to evaluate — is ignored, as Okta ignores
    /// it, with the warning ignored-group-name naming the group and the reason." (Okta's Role Value Pattern builds
    /// arn:aws:iam::${accountid}:role/${role}; AWS account ids are 12 digits.) The filter nests a quantifier inside the
    /// account capture on purpose: a name that almost matches backtracks exponentially (2^40 paths), far past the
    /// 250 ms timeout on any machine — deterministic without a sleep or a clock.
    /// </summary>
    [Fact]
    public async Task RunAsync_GroupNamesMatchingButUnusable_AreIgnoredWithAWarningEach()
    {
        var fixture = new OrgFixture
        {
            Users = [new FixtureUser { Id = Pat, Login = PatLogin }],
            Groups =
            [
                new FixtureGroup { Id = "00gliteralmapped0001", Name = "aws_123456789012x_ReadOnly", Members = [Pat] },
                new FixtureGroup { Id = "00gliteralshortacct2", Name = "aws_12345x_Admin", Members = [Pat] },
                new FixtureGroup { Id = "00gliteralbadrole003", Name = "aws_123456789012x_Admin Team", Members = [Pat] },
                new FixtureGroup { Id = "00gliteralslowname04", Name = "aws_" + new string('1', 40) + "y_Admin", Members = [Pat] },
            ],
            Apps = [MappingAppFixture(MappingApp, @"^aws_(?{{accountid}}(\d+)+)x_(?{{role}}.+)$", appFilter: null)],
        };
        await using var simulator = await TestSimulator.StartAsync(fixture.ToState());
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync(appId: MappingApp);

        ExpectedRow[] expected =
        [
            new(Pat, PatLogin, "ACTIVE", "123456789012", "ReadOnly", "group:00gliteralmapped0001", MappingApp),
        ];
        WarningRecord[] warnings =
        [
            new(
                "ignored-group-name",
                "Group 'aws_12345x_Admin' (00gliteralshortacct2) matches the groupFilter of 'Amazon Web Services' (0oaliteralmapaws0002) but is ignored: its account '12345' is not a 12-digit AWS account id.",
                MappingApp,
                "group",
                "00gliteralshortacct2"),
            new(
                "ignored-group-name",
                "Group 'aws_123456789012x_Admin Team' (00gliteralbadrole003) matches the groupFilter of 'Amazon Web Services' (0oaliteralmapaws0002) but is ignored: its role 'Admin Team' is not a role name IAM accepts (1 to 64 letters, digits and +=,.@_-).",
                MappingApp,
                "group",
                "00gliteralbadrole003"),
            new(
                "ignored-group-name",
                "Group 'aws_1111111111111111111111111111111111111111y_Admin' (00gliteralslowname04) matches the groupFilter of 'Amazon Web Services' (0oaliteralmapaws0002) but is ignored: matching the groupFilter against it took longer than 250 ms.",
                MappingApp,
                "group",
                "00gliteralslowname04"),
        ];
        Assert.Equal(ExpectedAccess.Normalize(expected), harness.AccessRows());
        Assert.Equal(Sorted(warnings), Sorted(result.Warnings));
    }

    // ---- Group mapping: the appFilter's sources ----

    /// <summary>
    /// Okta, "Enable group-based role mapping in Okta": App Filter — "If you created your groups in Active Directory,
    /// enter active_directory, or enter okta to limit use to local Okta groups." So with okta: an OKTA_GROUP maps, an
    /// APP_GROUP imported from the active_directory app does not. Where Okta is silent, docs/aws-access.md: a BUILT_IN
    /// group is "okta" ("the group is mastered by Okta itself"), and an APP_GROUP whose source app Okta did not embed
    /// is allowed ("on the side of reporting access"). Okta's only BUILT_IN group, Everyone, cannot be renamed, so the
    /// BUILT_IN group here is named to match the filter to make the rule observable.
    /// </summary>
    [Fact]
    public async Task RunAsync_AppFilterOkta_MapsOktaBuiltInAndUnembeddedSourcesButNotActiveDirectory()
    {
        await using var simulator = await TestSimulator.StartAsync(AppFilterOrg("okta"));
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync(appId: MappingApp);

        ExpectedRow[] expected =
        [
            new(Pat, PatLogin, "ACTIVE", "111111111111", "OktaRole", "group:00gliteraloktagrp01", MappingApp),
            new(Pat, PatLogin, "ACTIVE", "333333333333", "BuiltInRole", "group:00gliteralbuiltin002", MappingApp),
            new(Pat, PatLogin, "ACTIVE", "444444444444", "UnknownSourceRole", "group:00gliteralnoembed004", MappingApp),
        ];
        Assert.Equal(ExpectedAccess.Normalize(expected), harness.AccessRows());
        Assert.Equal([], Sorted(result.Warnings));
    }

    /// <summary>
    /// The same org with App Filter active_directory (Okta: "If you created your groups in Active Directory, enter
    /// active_directory"): the APP_GROUP imported from the app named active_directory maps; the OKTA_GROUP and the
    /// BUILT_IN group (source okta) do not; the APP_GROUP whose source Okta did not embed is still allowed.
    /// </summary>
    [Fact]
    public async Task RunAsync_AppFilterActiveDirectory_MapsOnlyItsImportedGroupsAndUnembeddedSources()
    {
        await using var simulator = await TestSimulator.StartAsync(AppFilterOrg("active_directory"));
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync(appId: MappingApp);

        ExpectedRow[] expected =
        [
            new(Pat, PatLogin, "ACTIVE", "222222222222", "AdRole", "group:00gliteraladgroup03", MappingApp),
            new(Pat, PatLogin, "ACTIVE", "444444444444", "UnknownSourceRole", "group:00gliteralnoembed004", MappingApp),
        ];
        Assert.Equal(ExpectedAccess.Normalize(expected), harness.AccessRows());
        Assert.Equal([], Sorted(result.Warnings));
    }

    /// <summary>
    /// A group-mapping app pat is directly assigned to, and pat's four role groups, one per source: an OKTA_GROUP, a
    /// BUILT_IN group, an APP_GROUP imported from an app named active_directory, and an APP_GROUP whose source app
    /// Okta does not know (deleted since the import), so listGroups?expand=app embeds nothing for it.
    /// </summary>
    private static OrgState AppFilterOrg(string appFilter)
    {
        var state = new OrgFixture
        {
            Users = [new FixtureUser { Id = Pat, Login = PatLogin }],
            Groups =
            [
                new FixtureGroup { Id = "00gliteraloktagrp01", Name = "aws_111111111111_OktaRole", Members = [Pat] },
                new FixtureGroup { Id = "00gliteralbuiltin002", Name = "aws_333333333333_BuiltInRole", Type = GroupType.BuiltIn, Members = [Pat] },
                new FixtureGroup { Id = "00gliteraladgroup03", Name = "aws_222222222222_AdRole", SourceAppId = ActiveDirectory, Members = [Pat] },
            ],
            Apps =
            [
                MappingAppFixture(MappingApp, @"^aws_(?{{accountid}}\d+)_(?{{role}}[a-zA-Z0-9+=,.@\-_]+)$", appFilter),
                new FixtureApp { Id = ActiveDirectory, Name = "active_directory", Label = "literal.example (Active Directory)", SignOnMode = "BOOKMARK" },
            ],
        }.ToState();
        var unembedded = new SimGroup { Id = "00gliteralnoembed004", Name = "aws_444444444444_UnknownSourceRole", Type = GroupType.AppGroup, SourceAppId = "0oaliteralgonesrc005" };
        unembedded.Members.Add(Pat);
        state.AddGroup(unembedded);
        return state;
    }

    /// <summary>Okta's example: pat directly assigned [Role1, Role2] and a member of GroupAWS, assigned with [RoleA, RoleB].</summary>
    private static OrgFixture JoinAllRolesExample(bool joinAllRoles)
    {
        var fixture = SingleAccount(joinAllRoles);
        fixture.Apps[0].UserAssignments.Add(new FixtureUserAssignment { UserId = Pat, SamlRoles = ["Role1", "Role2"] });
        fixture.Apps[0].GroupAssignments.Add(new FixtureGroupAssignment { GroupId = "00gliteralgroupaws01", Priority = 0, SamlRoles = ["RoleA", "RoleB"] });
        return fixture;
    }

    /// <summary>A single-account app for 123456789012 whose AWS role list holds every role the tests hand out; pat is in GroupAWS.</summary>
    private static OrgFixture SingleAccount(bool joinAllRoles) => new()
    {
        Users = [new FixtureUser { Id = Pat, Login = PatLogin }],
        Groups = [new FixtureGroup { Id = "00gliteralgroupaws01", Name = "GroupAWS", Members = [Pat] }],
        Apps =
        [
            new FixtureApp
            {
                Id = SingleAccountApp,
                SettingsApp = new JsonObject { ["identityProviderArn"] = $"arn:aws:iam::{Account}:saml-provider/Okta", ["joinAllRoles"] = joinAllRoles },
                RoleList = new FixtureRoleList { SamlIamRoles = ["Billing", "ReadOnly", "Role1", "Role2", "RoleA", "RoleB"] },
            },
        ],
    };

    private static FixtureApp MappingAppFixture(string id, string groupFilter, string? appFilter) => new()
    {
        Id = id,
        SettingsApp = new JsonObject
        {
            ["useGroupMapping"] = true,
            ["groupFilter"] = groupFilter,
            ["appFilter"] = appFilter,
            ["roleValuePattern"] = "arn:aws:iam::${accountid}:saml-provider/Okta,arn:aws:iam::${accountid}:role/${role}",
        },
        UserAssignments = [new FixtureUserAssignment { UserId = Pat }],
    };

    /// <summary>Warnings in a fixed order for comparison (the engine's order depends on its concurrency).</summary>
    private static List<WarningRecord> Sorted(IEnumerable<WarningRecord> warnings) =>
        [.. warnings.OrderBy(w => w.Code, StringComparer.Ordinal).ThenBy(w => w.SubjectId, StringComparer.Ordinal).ThenBy(w => w.Message, StringComparer.Ordinal)];
}
