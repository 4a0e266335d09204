using System.Text.Json;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;

namespace BatonOktaAws.Cli.Tests;

/// <summary>JSON logs on every line, standard output for the command's own output only, JSON as it is, filters that must match.</summary>
public sealed class UsageAndOutputTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string[]> BadInvocations() => new()
    {
        new[] { "sync", "--concurrency", "abc", "--log-format", "json" },
        new[] { "sync", "--bogus", "value", "--log-format=json" },
        new[] { "access", "--log-level", "chatty", "--log-format", "json" },
        new[] { "access", "--log-format", "json", "--output", "xml" },
        new[] { "grant", "--log-format", "json" },
        new[] { "sync", "--log-format", "json" },
        new[] { "access", "--file", "/", "--log-format", "json" },
        new[] { "bogus", "--log-format", "json" },
    };

    [Theory]
    [MemberData(nameof(BadInvocations))]
    public async Task Command_JsonLogFormatAndAnyError_WritesOnlyJsonLinesOnStandardError(string[] args)
    {
        var result = await CliRun.RunAsync(null, args);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Empty(result.Out);
        var lines = CliRun.Lines(result.Error);
        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal("Error", json.RootElement.GetProperty("@l").GetString());
        });
    }

    [Fact]
    public async Task ParseError_LogFormatFromTheVariable_IsJsonToo()
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string> { ["BATON_LOG_FORMAT"] = "json" }, "sync", "--concurrency", "abc");

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        using var line = JsonDocument.Parse(Assert.Single(CliRun.Lines(result.Error)));
        Assert.Equal("--concurrency must be a whole number from 1 to 64 (got 'abc'). See 'baton-okta-aws sync --help'.", line.RootElement.GetProperty("@m").GetString());
    }

    [Fact]
    public async Task Demo_JsonLogFormat_PrintsOneJsonDocumentWithTheSummaryAndTheAccessRows()
    {
        var result = await CliRun.RunAsync(null, "demo", "--file", _temp.File("demo.db"), "--log-format", "json");

        Assert.Equal(0, result.ExitCode);
        using var output = JsonDocument.Parse(result.Out);
        Assert.Equal("sync-finished", output.RootElement.GetProperty("event").GetString());
        Assert.Equal(MultiAppDemo.AccessRows, output.RootElement.GetProperty("access").GetArrayLength());
        Assert.All(CliRun.Lines(result.Error), line => JsonDocument.Parse(line).Dispose());
    }

    [Fact]
    public async Task SyncSummaryJson_FileNameWithQuoteAndAngleBrackets_PrintsThemAsTheyAre()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var file = _temp.File("o'brien <test> & co.db");

        var result = await CliRun.RunAsync(CliRun.Variables(simulator, file), "sync", "--log-format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"\"file\":\"{file}\"", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0027", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u003C", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrantJson_ErrorWithQuotes_PrintsThemAsTheyAre()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());

        var result = await CliRun.RunAsync(CliRun.Variables(simulator, _temp.File("x.db")), "grant", "--entitlement", "group:00gdemoawsadmins0001:member", "--principal-type", "user", "--principal", "nobody@acme.example", "--dry-run", "--output", "json");

        Assert.Equal(ExitCode.Failure, result.ExitCode);
        Assert.Contains("\"error\":\"Okta has no user 'nobody@acme.example'.\"", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grant_Bare_FirstSaysWhatIsMissingToDescribeAChange()
    {
        var result = await CliRun.RunAsync(null, "grant");

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.StartsWith("baton-okta-aws: error: Say what to grant: --entitlement", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Access_UserRoleOrAccountNotInTheSyncFile_SaysSoAndExitsThree()
    {
        var file = await SyncDemoAsync(syncAllUsers: false);

        var user = await CliRun.RunAsync(null, "access", "--file", file, "--user", "nobody");
        var account = await CliRun.RunAsync(null, "access", "--file", file, "--account", "999999999999");
        var role = await CliRun.RunAsync(null, "access", "--file", file, "--role", "admin");

        Assert.Equal((ExitCode.NotInSyncFile, ExitCode.NotInSyncFile, ExitCode.NotInSyncFile), (user.ExitCode, account.ExitCode, role.ExitCode));
        Assert.Empty(user.Out);
        Assert.Equal(
            $"baton-okta-aws: error: --user 'nobody': the sync file {file} holds no user 'nobody' (it lists the users assigned to the AWS app; sync with --sync-all-users to list every user).",
            Assert.Single(CliRun.Lines(user.Error)));
        Assert.Contains($"--account '999999999999': the sync file {file} holds no AWS account '999999999999'.", account.Error, StringComparison.Ordinal);
        Assert.Contains("holds no AWS role 'admin' (role names are case-sensitive)", role.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Access_UserInTheFileWithoutRoles_AnswersEmptyAndExitsZero()
    {
        var file = await SyncDemoAsync(syncAllUsers: true);

        var table = await CliRun.RunAsync(null, "access", "--file", file, "--user", "grace@acme.example");
        var json = await CliRun.RunAsync(null, "access", "--file", file, "--user", "GRACE@acme.example", "-o", "json");
        var filtered = await CliRun.RunAsync(null, "access", "--file", file, "--user", "alice@acme.example", "--role", "Admin");

        Assert.Equal((0, 0, 0), (table.ExitCode, json.ExitCode, filtered.ExitCode));
        Assert.Equal("User grace@acme.example is in the sync file but can assume no matching AWS role.", table.Out.Trim());
        Assert.Equal("[]", json.Out.Trim());
        Assert.Equal("User alice@acme.example is in the sync file but can assume no matching AWS role.", filtered.Out.Trim());
    }

    private async Task<string> SyncDemoAsync(bool syncAllUsers)
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var file = _temp.File("demo-sync.db");
        var variables = CliRun.Variables(simulator, file);
        variables["BATON_SYNC_ALL_USERS"] = syncAllUsers ? "true" : "false";
        Assert.Equal(0, (await CliRun.RunAsync(variables, "sync")).ExitCode);
        return file;
    }
}
