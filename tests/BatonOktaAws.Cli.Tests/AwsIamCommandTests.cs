using System.Text.Json;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;

namespace BatonOktaAws.Cli.Tests;

/// <summary>sync --aws-iam, aws-iam import and roles on the real command line.</summary>
public sealed class AwsIamCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Import_ExportsIntoAnExistingSync_GivesTheSameAnswerAsSyncWithThem()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var exports = Directory.CreateDirectory(_temp.File("exports")).FullName;
        OrgFixture.WriteDemoIamExports(exports);
        var withFlag = _temp.File("with.db");
        var imported = _temp.File("imported.db");
        var variables = CliRun.Variables(simulator, withFlag);
        variables["BATON_AWS_OKTA_APP_ID"] = "all";
        Assert.Equal(0, (await CliRun.RunAsync(variables, "sync", "--aws-iam", exports)).ExitCode);
        variables["BATON_FILE"] = imported;
        Assert.Equal(0, (await CliRun.RunAsync(variables, "sync")).ExitCode);
        var requestsBefore = simulator.Requests.Count;

        var import = await CliRun.RunAsync(null, "aws-iam", "import", "--file", imported, exports);
        var again = await CliRun.RunAsync(null, "aws-iam", "import", "--file", imported, exports);

        Assert.Equal((0, 0), (import.ExitCode, again.ExitCode));
        Assert.Equal(requestsBefore, simulator.Requests.Count);
        Assert.Contains("Attached the IAM exports of 2 account(s) to sync 1", import.Out, StringComparison.Ordinal);
        var fromSync = await CliRun.RunAsync(null, "roles", "--file", withFlag, "--output", "json");
        var fromImport = await CliRun.RunAsync(null, "roles", "--file", imported, "--output", "json");
        Assert.Equal(fromSync.Out, fromImport.Out);
        var accessFromSync = await CliRun.RunAsync(null, "access", "--file", withFlag, "--output", "json");
        var accessFromImport = await CliRun.RunAsync(null, "access", "--file", imported, "--output", "json");
        Assert.Equal(accessFromSync.Out, accessFromImport.Out);
    }

    [Fact]
    public async Task Import_BesideAnInterruptedSync_LeavesItsPartialFileForResumeAndNoScratchFile()
    {
        var file = _temp.File("aws.db");
        Assert.Equal(0, (await CliRun.RunAsync(null, "demo", "--file", file)).ExitCode);
        var exports = Directory.CreateDirectory(_temp.File("exports")).FullName;
        var written = OrgFixture.WriteDemoIamExports(exports);
        var partial = file + ".partial";
        await File.WriteAllTextAsync(partial, "an interrupted sync, waiting for sync --resume");

        var import = await CliRun.RunAsync(null, "aws-iam", "import", "--file", file, exports);

        Assert.Equal(0, import.ExitCode);
        Assert.Equal("an interrupted sync, waiting for sync --resume", await File.ReadAllTextAsync(partial));
        Assert.Empty(Directory.GetFiles(_temp.Path, "aws.db.amend*"));

        // An import that fails after the copy was made (an account no app reaches) leaves the file as it was and no copy.
        var stranger = Path.Combine(Directory.CreateDirectory(_temp.File("stranger")).FullName, "iam-999999999999.json");
        var authorization = written.First(p => File.ReadAllText(p).Contains("123456789012", StringComparison.Ordinal) && File.ReadAllText(p).Contains("RoleDetailList", StringComparison.Ordinal));
        await File.WriteAllTextAsync(stranger, (await File.ReadAllTextAsync(authorization)).Replace("123456789012", "999999999999", StringComparison.Ordinal));
        var before = await File.ReadAllBytesAsync(file);

        var failed = await CliRun.RunAsync(null, "aws-iam", "import", "--file", file, stranger);

        Assert.Equal(ExitCode.Failure, failed.ExitCode);
        Assert.Contains("none of the synced AWS apps reaches", failed.Error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(file));
        Assert.Empty(Directory.GetFiles(_temp.Path, "aws.db.amend*"));
        Assert.Equal("an interrupted sync, waiting for sync --resume", await File.ReadAllTextAsync(partial));
    }

    [Fact]
    public async Task Roles_Json_HasTheDocumentedKeysAndMarksAdminEquivalentRoles()
    {
        var file = _temp.File("demo.db");
        Assert.Equal(0, (await CliRun.RunAsync(null, "demo", "--file", file)).ExitCode);

        var roles = await CliRun.RunAsync(null, "roles", "--file", file, "--output", "json");

        using var json = JsonDocument.Parse(roles.Out);
        var admin = json.RootElement.EnumerateArray().Single(r => r.GetProperty("accountId").GetString() == "123456789012" && r.GetProperty("role").GetString() == "Admin");
        Assert.True(admin.GetProperty("adminEquivalent").GetBoolean());
        Assert.Equal("arn:aws:iam::123456789012:role/Admin", admin.GetProperty("iamRoleArn").GetString());
        Assert.Equal(
            ["appId", "appLabel", "accountId", "role", "status", "trust", "verdict", "iamRoleArn", "expectedArn", "adminEquivalent", "adminReasons", "attachedPolicies", "inlinePolicies", "permissionsBoundary", "holders", "holdersWhoCannotSignIn", "notes"],
            admin.EnumerateObject().Select(p => p.Name));
        var access = await CliRun.RunAsync(null, "access", "--file", file, "--user", "bob@acme.example", "--output", "json");
        using var rows = JsonDocument.Parse(access.Out);
        Assert.Contains(rows.RootElement.EnumerateArray(), r => r.GetProperty("role").GetString() == "Admin" && r.GetProperty("adminEquivalent").GetBoolean());
    }

    [Theory]
    [InlineData("not-iam.json", "{\"hello\": \"world\"}", ": not an IAM export")]
    [InlineData("cut.json", "{\"RoleDetailList\": [{\"RoleName\": \"Admin\"", "")]
    public async Task Sync_BadExport_FailsNamingTheFileBeforeAskingOkta(string name, string content, string expected)
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var bad = _temp.File(name);
        await File.WriteAllTextAsync(bad, content);

        var result = await CliRun.RunAsync(CliRun.Variables(simulator, _temp.File("x.db")), "sync", "--aws-iam", bad);

        Assert.Equal(ExitCode.Failure, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(bad, line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Equal(0, simulator.Requests.Count);
        Assert.False(File.Exists(_temp.File("x.db")));
    }
}
