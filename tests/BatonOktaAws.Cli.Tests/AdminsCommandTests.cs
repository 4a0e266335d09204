using System.Text.Json;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;

namespace BatonOktaAws.Cli.Tests;

/// <summary>admins, access --include-admins, sync --sync-custom-roles and a token that may not read roles, on the real command line.</summary>
public sealed class AdminsCommandTests : IDisposable
{
    private const string Prod = "0oademoaws0000000001";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Admins_DemoEstate_ListsWhoCanChangeEachAppsAccessAsTableJsonAndCsv()
    {
        var file = await DemoAsync();

        var table = await CliRun.RunAsync(null, "admins", "--file", file);
        var json = await CliRun.RunAsync(null, "admins", "--file", file, "--output", "json");
        var csv = await CliRun.RunAsync(null, "admins", "--file", file, "--output", "csv");

        Assert.Equal((0, 0, 0), (table.ExitCode, json.ExitCode, csv.ExitCode));
        var lines = table.Out.Split('\n', StringSplitOptions.TrimEntries);
        Assert.StartsWith("APP", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("Amazon Web Services (production)", StringComparison.Ordinal) && l.Contains("(any)", StringComparison.Ordinal) && l.Contains("app assignments", StringComparison.Ordinal) && l.Contains("peggy@acme.example", StringComparison.Ordinal) && l.Contains("APP_ADMIN", StringComparison.Ordinal) && l.EndsWith("directly", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Developer", StringComparison.Ordinal) && l.Contains("membership of 'AWS Developers'", StringComparison.Ordinal) && l.Contains("nina@acme.example", StringComparison.Ordinal) && l.Contains("GROUP_MEMBERSHIP_ADMIN", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("trent@acme.example", StringComparison.Ordinal) && l.Contains("custom 'AWS production access manager'", StringComparison.Ordinal) && l.Contains("membership of 'AWS Auditors'", StringComparison.Ordinal));
        Assert.Contains("19 paths, 4 person(s)", table.Out, StringComparison.Ordinal);
        Assert.Contains("Note: Group 'aws_555555555555_Billing' grants AWS roles but its members come from active_directory", table.Out, StringComparison.Ordinal);

        using var document = JsonDocument.Parse(json.Out);
        Assert.True(document.RootElement.GetProperty("reviewed").GetBoolean());
        var paths = document.RootElement.GetProperty("paths");
        Assert.Equal(19, paths.GetArrayLength());
        Assert.Equal(
            ["appId", "appLabel", "accountId", "role", "capability", "groupId", "groupName", "userId", "login", "status", "oktaRoleType", "oktaRoleId", "oktaRole", "heldVia", "heldViaGroupName", "reason"],
            paths[0].EnumerateObject().Select(p => p.Name));
        var trent = paths.EnumerateArray().Single(p => p.GetProperty("login").GetString() == "trent@acme.example" && p.GetProperty("capability").GetString() == "app-assignments");
        Assert.Equal(("CUSTOM", "cr0demoawsprod000001", "direct"), (trent.GetProperty("oktaRoleType").GetString(), trent.GetProperty("oktaRoleId").GetString(), trent.GetProperty("heldVia").GetString()));
        Assert.Equal("custom role with okta.apps.assignment.manage over resource set 'AWS production' (this app)", trent.GetProperty("reason").GetString());
        Assert.Equal("group-mastered-elsewhere", document.RootElement.GetProperty("gaps")[0].GetProperty("kind").GetString());

        var csvLines = csv.Out.Trim().Split('\n');
        Assert.Equal("appId,appLabel,accountId,role,capability,groupId,groupName,userId,login,status,oktaRoleType,oktaRoleId,oktaRole,heldVia,reason", csvLines[0].Trim());
        Assert.Equal(20, csvLines.Length);
    }

    [Fact]
    public async Task Admins_AppFilter_ShowsOnlyThatAppAndAnUnknownAppExits3()
    {
        var file = await DemoAsync();

        var prod = await CliRun.RunAsync(null, "admins", "--file", file, "--app", "amazon web services (PRODUCTION)", "--output", "json");
        var unknown = await CliRun.RunAsync(null, "admins", "--file", file, "--app", "nope");

        Assert.Equal(0, prod.ExitCode);
        using var document = JsonDocument.Parse(prod.Out);
        Assert.All(document.RootElement.GetProperty("paths").EnumerateArray(), p => Assert.Equal(Prod, p.GetProperty("appId").GetString()));
        Assert.Equal(10, document.RootElement.GetProperty("paths").GetArrayLength());
        Assert.Equal(ExitCode.NotInSyncFile, unknown.ExitCode);
        Assert.Contains("--app 'nope': the sync file", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessIncludeAdmins_OneRole_ShowsDirectGroupAndAdminPathsInOneQuery()
    {
        var file = await DemoAsync();

        var result = await CliRun.RunAsync(null, "access", "--file", file, "--account", "123456789012", "--role", "Admin", "--include-admins", "--output", "json");
        var without = await CliRun.RunAsync(null, "access", "--file", file, "--account", "123456789012", "--role", "Admin", "--output", "json");

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        var rows = document.RootElement.EnumerateArray().Select(r => (r.GetProperty("login").GetString(), r.GetProperty("appId").GetString(), r.GetProperty("source").GetString())).ToList();
        Assert.Equal(
            [
                ("bob@acme.example", Prod, "group:00gdemoawsadmins0001"),
                ("oscar@acme.example", Prod, "admin:SUPER_ADMIN"),
                ("peggy@acme.example", Prod, "admin:APP_ADMIN"),
                ("trent@acme.example", Prod, "admin:cr0demoawsprod000001"),
            ],
            rows);
        using var plain = JsonDocument.Parse(without.Out);
        Assert.Equal(1, plain.RootElement.GetArrayLength());

        // An admin path reaches the same AWS role as bob's group path: its ARN and admin-equivalence, from the IAM export.
        var bob = plain.RootElement[0];
        Assert.StartsWith("arn:aws:iam::123456789012:role/", bob.GetProperty("iamRoleArn").GetString(), StringComparison.Ordinal);
        Assert.True(bob.GetProperty("adminEquivalent").GetBoolean());
        Assert.All(document.RootElement.EnumerateArray(), r =>
        {
            Assert.Equal(bob.GetProperty("iamRoleArn").GetString(), r.GetProperty("iamRoleArn").GetString());
            Assert.True(r.GetProperty("adminEquivalent").GetBoolean());
        });
        var table = await CliRun.RunAsync(null, "access", "--file", file, "--account", "123456789012", "--role", "Admin", "--include-admins");
        Assert.Contains("admin:SUPER_ADMIN (Super Organization administrator directly: app assignments; membership of 'AWS Admins')", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessIncludeAdmins_Table_SaysWhatEachAdminRowAllows()
    {
        var file = await DemoAsync();

        var result = await CliRun.RunAsync(null, "access", "--file", file, "--user", "nina@acme.example", "--include-admins");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("admin:GROUP_MEMBERSHIP_ADMIN (Group Membership administrator directly: membership of 'AWS Developers')", result.Out, StringComparison.Ordinal);
        Assert.Contains("3 rows, 1 user(s)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_TokenThatMayNotReadRoles_SucceedsAndSummaryFindingsAndAdminsSayTheReviewIsMissing()
    {
        var fixture = OrgFixture.Demo();
        fixture.Org!.TokenIsSuperAdmin = false;
        await using var simulator = await TestSimulator.StartAsync(fixture.ToState());
        var file = _temp.File("aws.db");
        var variables = CliRun.Variables(simulator, file);
        variables["BATON_AWS_OKTA_APP_ID"] = "all";

        var sync = await CliRun.RunAsync(variables, "sync");
        var findings = await CliRun.RunAsync(null, "findings", "--file", file, "--output", "json");
        var admins = await CliRun.RunAsync(null, "admins", "--file", file);
        var adminsJson = await CliRun.RunAsync(null, "admins", "--file", file, "--output", "json");

        Assert.Equal(0, sync.ExitCode);
        Assert.Contains("admin roles NOT reviewed: the token lacks permission to read them", sync.Out, StringComparison.Ordinal);
        Assert.Contains("Admin roles not reviewed: the token lacks permission (Okta answered 403 to GET /api/v1/", sync.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(findings.Out);
        var missing = Assert.Single(document.RootElement.EnumerateArray(), f => f.GetProperty("code").GetString() == "admin-roles-not-reviewed");
        Assert.Equal("medium", missing.GetProperty("severity").GetString());
        Assert.Equal(0, admins.ExitCode);
        Assert.StartsWith("Admin roles were NOT reviewed in this sync, so who can change AWS access is unknown", admins.Out, StringComparison.Ordinal);
        Assert.Contains("Who can change AWS access is unknown for this sync", admins.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(adminsJson.Out);
        Assert.False(json.RootElement.GetProperty("reviewed").GetBoolean());
        Assert.DoesNotContain(TestSimulator.Token, sync.All + admins.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_SyncCustomRolesFalseFromItsVariable_ReadsNoCustomRolesAndSaysSo()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var file = _temp.File("aws.db");
        var variables = CliRun.Variables(simulator, file);
        variables["BATON_AWS_OKTA_APP_ID"] = "all";
        variables["BATON_SYNC_CUSTOM_ROLES"] = "false";

        var sync = await CliRun.RunAsync(variables, "sync");
        var findings = await CliRun.RunAsync(null, "findings", "--file", file, "--output", "json");

        Assert.Equal(0, sync.ExitCode);
        Assert.Contains("4 users and 0 groups hold admin roles (custom roles not read)", sync.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(simulator.Requests.Entries, e => e.Path.StartsWith("/api/v1/iam/roles", StringComparison.Ordinal) || e.Path.StartsWith("/api/v1/iam/resource-sets", StringComparison.Ordinal));
        using var document = JsonDocument.Parse(findings.Out);
        var gap = Assert.Single(document.RootElement.EnumerateArray(), f => f.GetProperty("code").GetString() == "admin-role-not-evaluated");
        Assert.Contains("custom role 'AWS production access manager' (cr0demoawsprod000001)", gap.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncJsonSummary_Demo_CountsTheAdminRoles()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var file = _temp.File("aws.db");
        var variables = CliRun.Variables(simulator, file);
        variables["BATON_AWS_OKTA_APP_ID"] = "all";

        var sync = await CliRun.RunAsync(variables, "sync", "--log-format", "json");

        Assert.Equal(0, sync.ExitCode);
        using var document = JsonDocument.Parse(sync.Out);
        var admin = document.RootElement.GetProperty("adminRoles");
        Assert.Equal(
            (true, 4, 4, 0, 1, 1),
            (admin.GetProperty("reviewed").GetBoolean(), admin.GetProperty("assignments").GetInt32(), admin.GetProperty("users").GetInt32(), admin.GetProperty("groups").GetInt32(), admin.GetProperty("customRoles").GetInt32(), admin.GetProperty("resourceSets").GetInt32()));
    }

    [Fact]
    public async Task Grant_AdminRoleEntitlement_IsAUsageErrorAndAsksNothingOfOkta()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var variables = CliRun.Variables(simulator, _temp.File("aws.db"));

        var grant = await CliRun.RunAsync(variables, "grant", "--entitlement", "role:SUPER_ADMIN:assigned", "--principal-type", "user", "--principal", "alice@acme.example", "--provisioning");

        Assert.Equal(ExitCode.UsageError, grant.ExitCode);
        Assert.Contains("role:SUPER_ADMIN:assigned is an Okta admin role: grant and revoke change AWS access only", grant.Error, StringComparison.Ordinal);
        Assert.Empty(simulator.Requests.Entries);
    }

    private async Task<string> DemoAsync()
    {
        var file = _temp.File("demo.db");
        Assert.Equal(0, (await CliRun.RunAsync(null, "demo", "--file", file)).ExitCode);
        return file;
    }
}
