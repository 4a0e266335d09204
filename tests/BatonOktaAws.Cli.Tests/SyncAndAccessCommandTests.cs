using System.Text.Json;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;
using OktaSimulator.Http;

namespace BatonOktaAws.Cli.Tests;

public sealed class SyncAndAccessCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SyncThenAccessJson_GeneratedOrgWithSeveralPagesOfEveryList_PrintsExactlyTheExpectedRows(bool groupMapping)
    {
        var shape = groupMapping ? TestShapes.SeveralPages with { Mode = AwsAppMode.GroupMapping } : TestShapes.SeveralPages;
        var state = OrgGenerator.Generate(shape);
        await using var simulator = await TestSimulator.StartAsync(state);
        var variables = CliRun.Variables(simulator, _temp.File("sync.db"));

        var sync = await CliRun.RunAsync(variables, "sync");
        var access = await CliRun.RunAsync(variables, "access", "--output", "json");

        Assert.Equal(0, sync.ExitCode);
        Assert.Equal(0, access.ExitCode);
        var expected = ExpectedAccess.From(state);
        Assert.True(expected.Count > 500);
        Assert.Equal(expected, ExpectedAccess.ParseJson(access.Out));
    }

    /// <summary>
    /// Every fidelity rule end to end — simulator, then the sync and access command lines: the demo estate's default
    /// role on a group (joinAllRoles on), appFilter with an APP_GROUP from Active Directory, a group name with a bad
    /// account, and added here a direct assignment with only a default role and one whose samlRoles hide its default.
    /// </summary>
    [Fact]
    public async Task Access_EstateWithEveryRuleShape_MatchesTheOracleAndTheSummaryCountsTheWarnings()
    {
        var state = OrgFixture.Demo().ToState();
        state.Apps["0oademoaws0000000001"].DirectAssignments["00udemoheidi00000008"].Profile = new System.Text.Json.Nodes.JsonObject { ["role"] = "Auditor" };
        state.Apps["0oademoaws0000000001"].DirectAssignments["00udemoalice00000001"].Profile["role"] = "Admin";
        await using var simulator = await TestSimulator.StartAsync(state);
        var variables = CliRun.Variables(simulator, _temp.File("sync.db"));
        variables["BATON_AWS_OKTA_APP_ID"] = "all";

        var sync = await CliRun.RunAsync(variables, "sync");
        var access = await CliRun.RunAsync(variables, "access", "--output", "json");

        Assert.Equal((0, 0), (sync.ExitCode, access.ExitCode));
        var rows = ExpectedAccess.ParseJson(access.Out);
        Assert.Equal(ExpectedAccess.FromAllApps(state), rows);
        Assert.Contains(rows, r => r is { UserId: "00udemoheidi00000008", Role: "Auditor", Source: "direct" });
        Assert.DoesNotContain(rows, r => r is { UserId: "00udemoalice00000001", Role: "Admin" });
        Assert.Matches(@"\d+ warnings:", sync.Out);
    }

    [Fact]
    public async Task Sync_AnswerLargerThanMaxResponseMb_FailsNamingTheFlagAndKeepsThePreviousFile()
    {
        var state = OrgFixture.Demo().ToState();
        await using var simulator = await TestSimulator.StartAsync(state);
        var file = _temp.File("sync.db");
        var variables = CliRun.Variables(simulator, file);
        Assert.Equal(0, (await CliRun.RunAsync(variables, "sync")).ExitCode);
        var previous = await File.ReadAllBytesAsync(file);
        simulator.Faults.Install(new FaultPlan { OversizedBodyEvery = 1, OversizedBodyBytes = 3 * 1024 * 1024, PathPrefix = "/api/v1/groups/" });
        variables["BATON_MAX_RESPONSE_MB"] = "2";

        var sync = await CliRun.RunAsync(variables, "sync");

        Assert.Equal(1, sync.ExitCode);
        var error = Assert.Single(sync.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("larger than", StringComparison.Ordinal));
        Assert.Matches(@"Okta's answer to GET /api/v1/groups/\S+ is larger than 2 MiB, the most the client reads of one response; stopped reading it\. If it is a real Okta answer, raise --max-response-mb \(now 2\)\.$", error);
        Assert.Equal(previous, await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task Sync_GroupMembersPageSize_ReadsEveryGroupsMembersInPagesOfThatSizeAndTheSameAccess()
    {
        var state = OrgGenerator.Generate(TestShapes.SeveralPages with { AssignedGroups = 12 });
        await using var simulator = await TestSimulator.StartAsync(state);
        var variables = CliRun.Variables(simulator, _temp.File("sync.db"));

        var sync = await CliRun.RunAsync(variables, "sync", "--group-members-page-size", "150");
        var access = await CliRun.RunAsync(variables, "access", "--output", "json");

        Assert.Equal(0, sync.ExitCode);
        var app = state.Apps[state.AwsAppId!];
        var memberRequests = simulator.Requests.Entries.Where(e => e.EndpointKey == "GET /api/v1/groups/{groupId}/users").ToList();
        Assert.Equal(app.GroupAssignments.Keys.Sum(g => Math.Max(1, (state.Groups[g].Members.Count + 149) / 150)), memberRequests.Count);
        Assert.Contains(app.GroupAssignments.Keys, g => state.Groups[g].Members.Count > 150);
        Assert.All(memberRequests, e => Assert.Contains("limit=150", e.Query, StringComparison.Ordinal));
        Assert.Equal(ExpectedAccess.From(state), ExpectedAccess.ParseJson(access.Out));
    }

    [Fact]
    public async Task AccessJson_Rows_HaveExactlyTheDocumentedKeys()
    {
        var file = await SyncDemoAsync();

        var access = await CliRun.RunAsync(null, "access", "--file", file, "--output", "json");

        using var document = JsonDocument.Parse(access.Out);
        Assert.All(document.RootElement.EnumerateArray(), row =>
            Assert.Equal(["userId", "login", "status", "appId", "appLabel", "accountId", "role", "source", "iamRoleArn", "adminEquivalent"], row.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task Access_FiltersAndFormats_NarrowAndRenderTheRows()
    {
        var file = await SyncDemoAsync();

        var table = await CliRun.RunAsync(null, "access", "-f", file, "--user", "CAROL@acme.example");
        var csv = await CliRun.RunAsync(null, "access", "-f", file, "--output", "csv", "--role", "Admin");
        var none = await CliRun.RunAsync(null, "access", "-f", file, "--user", "grace@acme.example");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("carol@acme.example  ACTIVE  Amazon Web Services (production)  123456789012  Developer  group:00gdemoawsdevs000002 (AWS Developers)", table.Out, StringComparison.Ordinal);
        Assert.Contains("2 rows, 1 user(s)", table.Out, StringComparison.Ordinal);
        Assert.Equal(
            "userId,login,status,appId,appLabel,accountId,role,source,iamRoleArn,adminEquivalent\n00udemobob0000000002,bob@acme.example,ACTIVE,0oademoaws0000000001,Amazon Web Services (production),123456789012,Admin,group:00gdemoawsadmins0001,,\n",
            csv.Out.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(ExitCode.NotInSyncFile, none.ExitCode);
    }

    [Fact]
    public async Task NoSubcommand_WithVariables_RunsASync()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var file = _temp.File("default.db");

        var result = await CliRun.RunAsync(CliRun.Variables(simulator, file));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(" finished in ", result.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(file));
    }

    [Theory]
    [InlineData("BATON_DOMAIN", "Missing the Okta domain: pass --domain or set BATON_DOMAIN.")]
    [InlineData("BATON_API_TOKEN", "Missing the Okta API token: set BATON_API_TOKEN or pass --api-token-file (or --api-token).")]
    [InlineData("BATON_AWS_OKTA_APP_ID", "Missing the AWS apps ('all' or app ids): pass --aws-okta-app-id or set BATON_AWS_OKTA_APP_ID.")]
    public async Task Sync_MissingSetting_IsAUsageErrorNamingTheFlagAndVariable(string missing, string message)
    {
        var variables = new Dictionary<string, string>
        {
            ["BATON_DOMAIN"] = "acme.okta.com",
            ["BATON_API_TOKEN"] = TestSimulator.Token,
            ["BATON_AWS_OKTA_APP_ID"] = "0oaaws",
        };
        variables.Remove(missing);

        var result = await CliRun.RunAsync(variables, "sync", "--file", _temp.File("x.db"));

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Equal($"baton-okta-aws: error: {message}", result.Error.Trim());
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("sync", "--file", "BATON_FILE", 1, "Refusing to write the sync file to {0}: it is a named pipe (FIFO), not a file, and would be replaced. Pass a file path.")]
    [InlineData("sync", "--c1z", null, 1, "Refusing to write the c1z to '{0}': it is a named pipe (FIFO), not a file, and would be replaced. Pass a file path.")]
    [InlineData("export", "--out", null, 1, "Refusing to write the c1z to '{0}': it is a named pipe (FIFO), not a file, and would be replaced. Pass a file path.")]
    [InlineData("report", "--out", null, 2, "--out {0} is a named pipe (FIFO), not a file; the report is renamed into place and would replace it. Give a file path.")]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Output_NamedPipeAsTarget_IsRefusedWithoutOpeningOrReplacingIt(string command, string flag, string? variable, int exitCode, string message)
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var file = _temp.File("sync.db");
        var variables = CliRun.Variables(simulator, file);
        variables["BATON_AWS_OKTA_APP_ID"] = "all";
        if (command != "sync")
        {
            Assert.Equal(0, (await CliRun.RunAsync(variables, "sync")).ExitCode);
        }

        var requests = simulator.Requests.Count;
        var pipe = NamedPipe.Create(_temp, "target");
        if (variable is not null)
        {
            variables[variable] = pipe;
        }

        // A pipe cannot be replaced (a device such as /dev/null would become a regular file), not even with --force, and
        // opening one to look inside waits for a writer: the old checks hung here, so the run is bounded.
        string[] force = command == "report" ? [] : ["--force"];
        var result = await CliRun.RunAsync(variables, variable is null ? [command, flag, pipe, .. force] : [command, .. force]).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal("baton-okta-aws: error: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, message, pipe), result.Error.Trim());
        Assert.Equal(requests, simulator.Requests.Count);
        Assert.Equal("a named pipe (FIFO)", Store.FileKind.SpecialFileAt(pipe));
    }

    [Fact]
    public async Task Sync_TokenWithANonAsciiCharacter_IsAUsageErrorBeforeAnyRequest()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var variables = CliRun.Variables(simulator, _temp.File("x.db"));
        variables["BATON_API_TOKEN"] = "00abc\u00c4def";

        var result = await CliRun.RunAsync(variables, "sync");

        // A header carries ASCII only: such a token can never be sent, so it is refused at once, not retried.
        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Equal("baton-okta-aws: error: BATON_API_TOKEN: The Okta API token contains non-ASCII characters (Okta's tokens are ASCII: check the copy, e.g. for a typographic quote).", result.Error.Trim());
        Assert.Equal(0, simulator.Requests.Count);
    }

    [Theory]
    [InlineData(new[] { "sync", "--domain", "http://acme.okta.com" }, "--domain: 'http://acme.okta.com' uses plain http")]
    [InlineData(new[] { "sync", "--log-level", "chatty" }, "--log-level must be debug, info, warn or error (got 'chatty')")]
    [InlineData(new[] { "sync", "--log-format", "xml" }, "--log-format must be console or json")]
    [InlineData(new[] { "sync", "--concurrency", "0" }, "--concurrency must be between 1 and 64")]
    [InlineData(new[] { "sync", "--group-members-page-size", "0" }, "--group-members-page-size must be between 1 and 1000")]
    [InlineData(new[] { "sync", "--groups-page-size", "10001" }, "--groups-page-size must be between 1 and 10000")]
    [InlineData(new[] { "sync", "--max-response-mb", "2048" }, "--max-response-mb must be between 1 and 2047")]
    [InlineData(new[] { "access", "--group-members-page-size", "200" }, "Unknown option --group-members-page-size for access;")]
    [InlineData(new[] { "sync", "--aws-okta-app-id", "../apps" }, "--aws-okta-app-id: '../apps' is not an Okta app id")]
    [InlineData(new[] { "sync", "--api-token", "a", "--api-token-file", "b" }, "Give either --api-token or --api-token-file, not both.")]
    [InlineData(new[] { "sync", "--sync-custom-roles", "maybe" }, "--sync-custom-roles takes true or false, or nothing for true; the word after it is neither (not shown)")]
    [InlineData(new[] { "sync", "--api-token-file", "/no/such/token" }, "--api-token-file: cannot read the token file /no/such/token")]
    [InlineData(new[] { "access", "--output", "xml" }, "--output must be table, json or csv")]
    [InlineData(new[] { "sync", "--no-such-flag" }, "Unknown option --no-such-flag for sync. See 'baton-okta-aws sync --help'.")]
    [InlineData(new[] { "sync", "--concurrency", "abc" }, "--concurrency must be a whole number from 1 to 64 (got 'abc')")]
    [InlineData(new[] { "sync", "--concurrency" }, "--concurrency needs a value: a whole number from 1 to 64.")]
    [InlineData(new[] { "sync", "--resume", "maybe" }, "--resume takes true or false, or nothing for true; the word after it is neither (not shown)")]
    [InlineData(new[] { "access", "--account", "12345" }, "--account must be a 12-digit AWS account id (got '12345')")]
    [InlineData(new[] { "bogus" }, "'bogus' is not a command of baton-okta-aws (commands: sync, access, syncs, diff, findings, report, roles, aws-iam, admins, demo, grant, revoke, export, resources, entitlements, grants, stats, capabilities, config)")]
    public async Task Command_BadFlag_IsAUsageErrorInOneLine(string[] args, string message)
    {
        var variables = new Dictionary<string, string> { ["BATON_DOMAIN"] = "acme.okta.com", ["BATON_AWS_OKTA_APP_ID"] = "0oaaws", ["BATON_API_TOKEN"] = TestSimulator.Token };

        var result = await CliRun.RunAsync(variables, args);

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains(message, Assert.Single(CliRun.Lines(result.Error)), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_BooleanVariableNotABoolean_IsAUsageError()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var variables = CliRun.Variables(simulator, _temp.File("x.db"));
        variables["BATON_SYNC_ALL_USERS"] = "sometimes";

        var result = await CliRun.RunAsync(variables, "sync");

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains("BATON_SYNC_ALL_USERS='sometimes' is not a boolean", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_BadToken_FailsInOneLineAndKeepsThePreviousFile()
    {
        var file = await SyncDemoAsync();
        var before = await File.ReadAllBytesAsync(file);
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var variables = CliRun.Variables(simulator, file);
        variables["BATON_API_TOKEN"] = "00Not-The-Right-Token";

        var result = await CliRun.RunAsync(variables, "sync");

        Assert.Equal(ExitCode.Failure, result.ExitCode);
        Assert.Equal(
            "baton-okta-aws: error: Okta rejected the API token (401 E0000011: Invalid token provided); check BATON_API_TOKEN or --api-token-file.",
            result.Error.Trim().Split('\n')[^1]);
        Assert.DoesNotContain("00Not-The-Right-Token", result.All, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task Sync_UnknownAppId_FailsNamingIt()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var variables = CliRun.Variables(simulator, _temp.File("x.db"));
        variables["BATON_AWS_OKTA_APP_ID"] = "0oamissing";

        var result = await CliRun.RunAsync(variables, "sync");

        Assert.Equal(ExitCode.Failure, result.ExitCode);
        Assert.Contains("Okta has no app with id 0oamissing (404 E0000007); check the AWS app id.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_ApiTokenOnTheCommandLine_WorksButWarns()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var variables = CliRun.Variables(simulator, _temp.File("x.db"));
        variables.Remove("BATON_API_TOKEN");

        var result = await CliRun.RunAsync(variables, "sync", "--api-token", TestSimulator.Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--api-token puts the token where other users can read it", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_TokenFromAFile_Works()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var tokenFile = _temp.File("token");
        await File.WriteAllTextAsync(tokenFile, TestSimulator.Token + "\n");
        var variables = CliRun.Variables(simulator, _temp.File("x.db"));
        variables.Remove("BATON_API_TOKEN");

        var result = await CliRun.RunAsync(variables, "sync", "--api-token-file", tokenFile);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("WRN", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_JsonLogFormat_WritesOnlyJsonLinesAndAJsonSummary()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());

        var result = await CliRun.RunAsync(CliRun.Variables(simulator, _temp.File("x.db")), "sync", "--log-format", "json", "--log-level", "debug");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => JsonDocument.Parse(line).Dispose());
        Assert.Contains(lines, l => l.Contains("answered 200", StringComparison.Ordinal));
        using var summary = JsonDocument.Parse(result.Out);
        Assert.Equal("sync-finished", summary.RootElement.GetProperty("event").GetString());
        Assert.Equal(10, summary.RootElement.GetProperty("accessRows").GetInt64());
        Assert.True(summary.RootElement.GetProperty("peakRssBytes").GetInt64() > 0);
        Assert.DoesNotContain(TestSimulator.Token, result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_JsonLogFormatAndAFailure_ReportsTheErrorAsAJsonLine()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var variables = CliRun.Variables(simulator, _temp.File("x.db"));
        variables["BATON_AWS_OKTA_APP_ID"] = "0oademobookmark00002";

        var result = await CliRun.RunAsync(variables, "sync", "--log-format", "json");

        Assert.Equal(ExitCode.Failure, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => JsonDocument.Parse(line).Dispose());
        Assert.Contains(lines, l => l.Contains("not the Amazon Web Services app", StringComparison.Ordinal) && l.Contains("\"@l\":\"Error\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Access_CorruptOrForeignFile_FailsInOneLine()
    {
        var notSqlite = _temp.File("notes.db");
        await File.WriteAllTextAsync(notSqlite, "hello");

        var result = await CliRun.RunAsync(null, "access", "--file", notSqlite);

        Assert.Equal(ExitCode.Failure, result.ExitCode);
        Assert.Equal($"baton-okta-aws: error: {notSqlite} is not a sync file (it is not an SQLite database).", result.Error.Trim());
    }

    [Fact]
    public async Task Access_DamagedOrForeignSyncFiles_FailInOneLineWithoutAStackTrace()
    {
        var good = await SyncDemoAsync();
        var bytes = await File.ReadAllBytesAsync(good);
        var truncated = _temp.File("truncated.db");
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 3)]);
        var empty = _temp.File("empty.db");
        await File.WriteAllBytesAsync(empty, []);
        var newer = _temp.File("newer.db");
        File.Copy(good, newer);
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={newer};Pooling=False"))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }

        var cases = new[]
        {
            (truncated, "corrupt"),
            (empty, "is not a sync file (it is not an SQLite database)"),
            (newer, "was written by a newer baton-okta-aws (sync file schema v99"),
            (_temp.Path, "is a directory, not a sync file"),
            (_temp.File("missing.db"), "does not exist"),
        };
        foreach (var (path, expected) in cases)
        {
            var result = await CliRun.RunAsync(null, "access", "--file", path);

            Assert.Equal(ExitCode.Failure, result.ExitCode);
            var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("baton-okta-aws: error: ", line, StringComparison.Ordinal);
            Assert.Contains(expected, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Demo_BundledOrg_SyncsAndPrintsTheAccessTable()
    {
        var file = _temp.File("demo.db");

        var result = await CliRun.RunAsync(null, "demo", "--file", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(" finished in ", result.Out, StringComparison.Ordinal);
        Assert.Contains(file, result.Out, StringComparison.Ordinal);
        var lines = result.Out.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Replace(l.TrimEnd(), " {2,}", " | ")).ToList();
        Assert.Contains("bob@acme.example | ACTIVE | Amazon Web Services (production) | 123456789012 | Admin [admin-equivalent] | group:00gdemoawsadmins0001 (AWS Admins)", lines);
        Assert.Contains("ivan@acme.example | ACTIVE | Amazon Web Services (staging) | 210987654321 | ReadOnly | group:00gdemostageops00007 (Staging Ops)", lines);
        Assert.Contains($"{MultiAppDemo.AccessRows} rows, 10 user(s)", result.Out, StringComparison.Ordinal);
        Assert.Contains("Demo: serving the bundled simulated Okta org at http://127.0.0.1:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_FileThatIsNotASyncFile_IsRefusedUnlessForced()
    {
        var notes = _temp.File("notes.txt");
        await File.WriteAllTextAsync(notes, "my notes");

        var refused = await CliRun.RunAsync(null, "demo", "--file", notes);
        var forced = await CliRun.RunAsync(null, "demo", "--file", notes, "--force");

        Assert.Equal(ExitCode.Failure, refused.ExitCode);
        Assert.Contains($"Refusing to replace {notes}", Assert.Single(CliRun.Lines(refused.Error), l => l.Contains("error:", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(0, forced.ExitCode);
        using var reader = SyncFileReader.Open(notes);
        Assert.Equal(MultiAppDemo.AccessRows, reader.Latest().Access(new AccessFilter()).Count);
    }

    [Fact]
    public async Task Demo_BatonFileHoldingARealOrgsSyncs_IsRefusedUnlessForced()
    {
        // A shell set up for the nightly sync (BATON_FILE) must not get the simulated org's sync in its real file.
        var file = _temp.File("aws.db");
        Assert.Equal(0, (await CliRun.RunAsync(null, "demo", "--file", file)).ExitCode);
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
        {
            db.Open();
            using var update = db.CreateCommand();
            update.CommandText = "UPDATE sync_runs SET okta_domain = 'https://acme.okta.com'";
            Assert.Equal(1, update.ExecuteNonQuery());
        }

        var before = await File.ReadAllBytesAsync(file);
        var variables = new Dictionary<string, string> { ["BATON_FILE"] = file };

        var refused = await CliRun.RunAsync(variables, "demo");
        var unchanged = await File.ReadAllBytesAsync(file);
        var forced = await CliRun.RunAsync(variables, "demo", "--force");

        Assert.Equal(ExitCode.UsageError, refused.ExitCode);
        Assert.Equal($"baton-okta-aws: error: {file} holds syncs of https://acme.okta.com; the demo would add the simulated org's sync to them. Pass another --file (the demo's default is demo-sync.db), or --force.", refused.Error.Trim());
        Assert.Equal(before, unchanged);
        Assert.Equal(0, forced.ExitCode);
    }

    [Fact]
    public async Task Demo_FileThatIsASymbolicLink_WritesThroughItAndKeepsTheLink()
    {
        var real = _temp.File("aws-2026q4.db");
        var link = _temp.File("current.db");
        Assert.Equal(0, (await CliRun.RunAsync(null, "demo", "--file", real)).ExitCode);
        File.CreateSymbolicLink(link, real);

        var result = await CliRun.RunAsync(null, "demo", "--file", link);

        // The link still leads to the quarter's file, which now holds both syncs; nothing was left beside the link.
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(real, new FileInfo(link).LinkTarget);
        using (var reader = SyncFileReader.Open(real))
        {
            Assert.Equal(2, reader.Syncs().Count);
        }

        Assert.Equal(["aws-2026q4.db", "current.db"], Directory.GetFileSystemEntries(_temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Help_Root_ListsTheCommands()
    {
        var result = await CliRun.RunAsync(null, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("sync", result.Out, StringComparison.Ordinal);
        Assert.Contains("access", result.Out, StringComparison.Ordinal);
        Assert.Contains("demo", result.Out, StringComparison.Ordinal);
    }

    private async Task<string> SyncDemoAsync()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var file = _temp.File("demo-sync.db");
        var result = await CliRun.RunAsync(CliRun.Variables(simulator, file), "sync");
        Assert.Equal(0, result.ExitCode);
        return file;
    }
}
