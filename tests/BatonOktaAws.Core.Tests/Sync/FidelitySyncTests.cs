using System.Text;
using System.Text.Json.Nodes;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;
using OktaSimulator.Model;

namespace BatonOktaAws.Core.Tests.Sync;

/// <summary>
/// Okta fidelity end to end (simulator → sync → sync file): the default role, appFilter, and that nothing the sync
/// cannot turn into access is dropped without a warning.
/// </summary>
public sealed class FidelitySyncTests
{
    private const string App = "0oafidelityaws000001";
    private const string Account = "111122223333";

    [Fact]
    public async Task RunAsync_PriorityWinnerWithOnlyADefaultRole_GrantsThatRoleAndNothingFromTheLoser()
    {
        // Okta's AWS guide: with no samlRoles selected, the Role drop-down's value is the default role. The
        // winning group's profile is the user's, so the loser's samlRoles never apply.
        var state = Org(joinAllRoles: false, union: false, winner: new FixtureGroupAssignment { GroupId = "00gfidelitywinner001", Priority = 0, Role = "Auditor" }).ToState();
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync();

        Assert.Equal([new ExpectedRow("00ufidelityuser00001", "user@fidelity.example", "ACTIVE", Account, "Auditor", "group:00gfidelitywinner001", App)], harness.AccessRows());
        Assert.DoesNotContain(result.Warnings, w => w.Code == "undocumented-default-role");
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task RunAsync_DefaultRoleUnderJoinAllRolesOrUnion_IsReportedWithAWarning(bool joinAllRoles, bool union)
    {
        var state = Org(joinAllRoles, union, winner: new FixtureGroupAssignment { GroupId = "00gfidelitywinner001", Priority = 0, Role = "Auditor" }).ToState();
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync();

        Assert.Equal(
            [
                new ExpectedRow("00ufidelityuser00001", "user@fidelity.example", "ACTIVE", Account, "Auditor", "group:00gfidelitywinner001", App),
                new ExpectedRow("00ufidelityuser00001", "user@fidelity.example", "ACTIVE", Account, "Developer", "group:00gfidelityloser0002", App),
            ],
            harness.AccessRows());
        var warning = Assert.Single(result.Warnings, w => w.Code == "undocumented-default-role");
        Assert.Equal(("group", "00gfidelitywinner001", App), (warning.SubjectType, warning.SubjectId, warning.AppId));
        Assert.Contains("Okta does not document whether that role joins the others", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DirectAssignmentWithOnlyADefaultRole_GrantsIt()
    {
        var fixture = Org(joinAllRoles: false, union: false);
        fixture.Apps[0].UserAssignments.Add(new FixtureUserAssignment { UserId = "00ufidelityother0002", Role = "Billing" });
        await using var simulator = await TestSimulator.StartAsync(fixture.ToState());
        using var harness = new SyncHarness(simulator);

        await harness.SyncAsync();

        Assert.Contains(new ExpectedRow("00ufidelityother0002", "other@fidelity.example", "ACTIVE", Account, "Billing", "direct", App), harness.AccessRows());
    }

    [Fact]
    public async Task RunAsync_AppFilterOkta_LeavesOutGroupsImportedFromOtherSources()
    {
        var state = OrgFixture.Demo().ToState();
        state.Apps["0oademoaws0000000003"].SettingsApp!["appFilter"] = "okta";
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        await harness.SyncAsync(appId: "0oademoaws0000000003");

        // heidi's aws_555555555555_Billing is an Active Directory group: only Okta-mastered groups map now.
        Assert.Equal(
            [new ExpectedRow("00udemograce00000007", "grace@acme.example", "ACTIVE", "123456789012", "ReadOnly", "group:00gdemomapread000008", "0oademoaws0000000003")],
            harness.AccessRows());
        Assert.Equal(ExpectedAccess.From(state, "0oademoaws0000000003"), harness.AccessRows());
        Assert.Single(simulator.Requests.Entries, e => e.Path == "/api/v1/groups" && e.Query.Contains("expand=app", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_DemoEstate_RecordsAWarningForEveryValueItCannotTurnIntoAccess()
    {
        var state = OrgFixture.Demo().ToState();
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync(appId: "all");

        var codes = result.Warnings.Select(w => (w.Code, w.AppId, w.SubjectId)).ToList();
        Assert.Contains(("ignored-group-name", "0oademoaws0000000003", "00gdemomapbad0000010"), codes);
        Assert.Contains(("role-not-in-role-list", "0oademoaws0000000002", "Deployer"), codes);
        Assert.Contains(("undocumented-default-role", "0oademoaws0000000002", "00gdemostageops00007"), codes);
        Assert.Contains(("credentials-not-stored", "0oademoaws0000000002", "0oademoaws0000000002"), codes);
        Assert.Contains(("role-list-unavailable", "0oademoaws0000000003", "0oademoaws0000000003"), codes);
        Assert.Contains("its account '12345' is not a 12-digit AWS account id", result.Warnings.Single(w => w.Code == "ignored-group-name").Message, StringComparison.Ordinal);
        Assert.Equal(result.Warnings.Count, result.Counts.Warnings);
        using var reader = SyncFileReader.Open(harness.FilePath);
        Assert.Equal(result.Warnings, reader.Latest().Warnings());
    }

    [Fact]
    public async Task RunAsync_AppWithAwsKeysInItsSettings_NeverWritesThemToTheSyncFile()
    {
        var state = OrgFixture.Demo().ToState();
        const string Secret = "Zq9xSecretKeyValueThatMustNeverBeStored0000";
        state.Apps["0oademoaws0000000002"].SettingsApp!["secretKey"] = Secret;
        state.Apps["0oademoaws0000000002"].SettingsApp!["secretKeyEnc"] = "enc:" + Secret;
        state.Apps["0oademoaws0000000002"].SettingsApp!["notes"] = "AKIAABCDEFGHIJKLMNOP";
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync(appId: "all");

        var bytes = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(harness.FilePath));
        Assert.DoesNotContain(Secret, bytes, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIADEMO0EXAMPLE0KEY", bytes, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAABCDEFGHIJKLMNOP", bytes, StringComparison.Ordinal);
        using var reader = SyncFileReader.Open(harness.FilePath);
        var settings = JsonNode.Parse(reader.Latest().Apps().Single(a => a.AppId == "0oademoaws0000000002").SettingsJson)!.AsObject();
        Assert.Equal("arn:aws:iam::210987654321:saml-provider/Okta", settings["identityProviderArn"]!.GetValue<string>());
        Assert.False(settings.ContainsKey("accessKey") || settings.ContainsKey("secretKey") || settings.ContainsKey("secretKeyEnc") || settings.ContainsKey("notes"));
        var warning = Assert.Single(result.Warnings, w => w.Code == "credentials-not-stored");
        Assert.Contains("accessKey, secretKey, secretKeyEnc, notes", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AssignmentProfilesOfUnexpectedShape_KeepTheUsableValuesAndWarn()
    {
        var fixture = Org(joinAllRoles: false, union: false);
        fixture.Apps[0].UserAssignments.Add(new FixtureUserAssignment { UserId = "00ufidelityother0002", Profile = new JsonObject { ["samlRoles"] = "Billing" } });
        fixture.Apps[0].UserAssignments.Add(new FixtureUserAssignment { UserId = "00ufidelitythird0003", SamlRoles = ["Admin Role", "ReadOnly"] });
        await using var simulator = await TestSimulator.StartAsync(fixture.ToState());
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync();

        var rows = harness.AccessRows();
        Assert.Contains(rows, r => r is { UserId: "00ufidelityother0002", Role: "Billing", Source: "direct" });
        Assert.Contains(rows, r => r is { UserId: "00ufidelitythird0003", Role: "ReadOnly" });
        Assert.DoesNotContain(rows, r => r.Role.Contains(' ', StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w is { Code: "unexpected-profile", SubjectId: "00ufidelityother0002" } && w.Message.Contains("samlRoles is a single string", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w is { Code: "unusable-role", SubjectId: "00ufidelitythird0003" } && w.Message.Contains("'Admin Role'", StringComparison.Ordinal));
    }

    /// <summary>
    /// One AWS app for account 111122223333 and two assigned groups: the winner (priority 0, given) and the loser
    /// (priority 1, [Developer]); user@ is in both. other@ and third@ exist for direct assignments.
    /// </summary>
    private static OrgFixture Org(bool joinAllRoles, bool union, FixtureGroupAssignment? winner = null) => new()
    {
        Users =
        [
            new FixtureUser { Id = "00ufidelityuser00001", Login = "user@fidelity.example" },
            new FixtureUser { Id = "00ufidelityother0002", Login = "other@fidelity.example" },
            new FixtureUser { Id = "00ufidelitythird0003", Login = "third@fidelity.example" },
        ],
        Groups =
        [
            new FixtureGroup { Id = "00gfidelitywinner001", Name = "Winner", Members = ["00ufidelityuser00001"] },
            new FixtureGroup { Id = "00gfidelityloser0002", Name = "Loser", Members = ["00ufidelityuser00001"] },
        ],
        Apps =
        [
            new FixtureApp
            {
                Id = App,
                SamlRolesUnion = union,
                SettingsApp = new JsonObject { ["identityProviderArn"] = $"arn:aws:iam::{Account}:saml-provider/Okta", ["joinAllRoles"] = joinAllRoles },
                RoleList = new FixtureRoleList { SamlIamRoles = ["Admin", "Auditor", "Billing", "Developer", "ReadOnly"] },
                GroupAssignments =
                [
                    winner ?? new FixtureGroupAssignment { GroupId = "00gfidelitywinner001", Priority = 0, SamlRoles = ["Admin"] },
                    new FixtureGroupAssignment { GroupId = "00gfidelityloser0002", Priority = 1, SamlRoles = ["Developer"] },
                ],
            },
        ],
    };
}
