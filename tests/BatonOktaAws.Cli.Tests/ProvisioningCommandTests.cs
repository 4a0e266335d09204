using System.Text.Json;
using BatonOktaAws.TestSupport;
using OktaSimulator;
using OktaSimulator.Fixtures;

namespace BatonOktaAws.Cli.Tests;

public sealed class ProvisioningCommandTests : IAsyncLifetime, IDisposable
{
    private const string Admins = "00gdemoawsadmins0001";
    private const string Grace = "00udemograce00000007";
    private const string Bob = "00udemobob0000000002";
    private readonly TempDirectory _temp = new();
    private OktaSimulatorServer _simulator = null!;
    private Dictionary<string, string> _variables = null!;

    public async Task InitializeAsync()
    {
        _simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        _variables = CliRun.Variables(_simulator, _temp.File("sync.db"));
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    public void Dispose() => _temp.Dispose();

    private int Writes => _simulator.Requests.Entries.Count(e => e.IsWrite);

    [Fact]
    public async Task Grant_WithoutProvisioning_RefusesAsAUsageErrorAndAsksOktaNothing()
    {
        var result = await CliRun.RunAsync(_variables, "grant", "--entitlement", $"group:{Admins}:member", "--principal-type", "user", "--principal", Grace);

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains("Provisioning is disabled", result.Error, StringComparison.Ordinal);
        Assert.Contains("--provisioning (or BATON_PROVISIONING=true)", result.Error, StringComparison.Ordinal);
        Assert.Empty(_simulator.Requests.Entries);
    }

    [Fact]
    public async Task Grant_DryRun_PrintsTheWriteItWouldMakeAndMakesNone()
    {
        var result = await CliRun.RunAsync(_variables, "grant", "--entitlement", "account:123456789012:PowerUser", "--principal-type", "group", "--principal", Admins, "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("line 1: planned: grant account:123456789012:PowerUser to group:" + Admins, result.Out, StringComparison.Ordinal);
        Assert.Contains($"would call PATCH /api/v1/apps/0oademoaws0000000001/groups/{Admins} [{{\"op\":\"replace\",\"path\":\"/profile/samlRoles\",\"value\":[\"Admin\",\"PowerUser\"]}}]", result.Out, StringComparison.Ordinal);
        Assert.Contains("Dry run, nothing changed: 1 planned.", result.Out, StringComparison.Ordinal);
        Assert.Equal(0, Writes);
    }

    [Fact]
    public async Task GrantTwice_WithProvisioning_GrantsThenReportsAlreadyGrantedBothExitingZero()
    {
        string[] args = ["grant", "--entitlement", $"group:{Admins}:member", "--principal-type", "user", "--principal", Grace, "--provisioning"];

        var first = await CliRun.RunAsync(_variables, args);
        var second = await CliRun.RunAsync(_variables, args);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Contains("line 1: granted:", first.Out, StringComparison.Ordinal);
        Assert.Contains("before: not a member; after: member", first.Out, StringComparison.Ordinal);
        Assert.Contains("line 1: already-granted:", second.Out, StringComparison.Ordinal);
        Assert.Equal(1, Writes);
    }

    [Fact]
    public async Task Revoke_RoleHeldThroughAGroup_ExitsOneNamingTheGroup()
    {
        var result = await CliRun.RunAsync(_variables, "revoke", "--grant", $"account:123456789012:Admin:user:{Bob}", "--provisioning");

        Assert.Equal(ExitCode.Failure, result.ExitCode);
        Assert.Contains($"error: User bob@acme.example ({Bob}) has Admin only through group 'AWS Admins' ({Admins})", result.Out, StringComparison.Ordinal);
        Assert.Equal(0, Writes);
    }

    [Fact]
    public async Task FromFile_JsonOutput_PrintsOneObjectPerChangeWithTheDocumentedKeys()
    {
        var file = _temp.File("changes.csv");
        await File.WriteAllLinesAsync(file,
        [
            "action,entitlement,principal_type,principal,grant",
            $"grant,group:{Admins}:member,user,{Grace},",
            $"revoke,,,,group:{Admins}:member:user:{Bob}",
            "grant,account:123456789012:Auditor,user,heidi@acme.example,",
        ]);

        var result = await CliRun.RunAsync(_variables, "grant", "--from-file", file, "--provisioning", "--output", "json");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.Equal(["granted", "revoked", "granted"], lines.Select(l => l.GetProperty("result").GetString()));
        Assert.Equal(["grant", "revoke", "grant"], lines.Select(l => l.GetProperty("action").GetString()));
        Assert.Equal($"user:{Bob}", lines[1].GetProperty("principal").GetString());
        Assert.All(lines, l =>
        {
            Assert.Equal(JsonValueKind.Null, l.GetProperty("error").ValueKind);
            Assert.True(l.TryGetProperty("entitlement", out _));
        });
    }

    [Fact]
    public async Task FromFile_WithAnInvalidLine_AppliesNothingAndExitsOne()
    {
        var file = _temp.File("changes.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            $$"""{"action":"grant","entitlement":"group:{{Admins}}:member","principalType":"user","principal":"{{Grace}}"}""",
            """{"action":"grant","entitlement":"account:123456789012:Admin","principalType":"user"}""",
        ]);

        var result = await CliRun.RunAsync(_variables, "grant", "--from-file", file, "--provisioning", "--output", "json");

        Assert.Equal(ExitCode.Failure, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.Equal(["failed", "failed"], lines.Select(l => l.GetProperty("result").GetString()));
        Assert.Equal("the principal is missing.", lines[1].GetProperty("error").GetString());
        Assert.Equal(["grant", "grant"], lines.Select(l => l.GetProperty("action").GetString()));
        Assert.Empty(_simulator.Requests.Entries);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("all")]
    [InlineData("0oademoaws0000000001,0oademoaws0000000002")]
    public async Task Grant_AccountRoleWithAppsUnsetAllOrAList_GoesToTheAppServingTheAccountAndSaysWhich(string? apps)
    {
        if (apps is null)
        {
            _variables.Remove("BATON_AWS_OKTA_APP_ID");
        }
        else
        {
            _variables["BATON_AWS_OKTA_APP_ID"] = apps;
        }

        var result = await CliRun.RunAsync(_variables, "grant", "--entitlement", "account:210987654321:Admin", "--principal-type", "user", "--principal", "alice@acme.example", "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("line 1: planned: grant account:210987654321:Admin to user:alice@acme.example in app 'Amazon Web Services (staging)' (0oademoaws0000000002)", result.Out, StringComparison.Ordinal);
        Assert.Contains("would call POST /api/v1/apps/0oademoaws0000000002/users {", result.Out, StringComparison.Ordinal);
        Assert.Equal(0, Writes);
    }

    [Fact]
    public async Task Grant_AuditLogThatIsASyncFile_IsRefusedBeforeAnyWrite()
    {
        var file = _temp.File("aws.db");
        Assert.Equal(0, (await CliRun.RunAsync(null, "demo", "--file", file)).ExitCode);
        var before = await File.ReadAllBytesAsync(file);

        var result = await CliRun.RunAsync(_variables, "grant", "--entitlement", "account:123456789012:PowerUser", "--principal-type", "user", "--principal", "alice@acme.example", "--provisioning", "--audit-log", file);

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains($"--audit-log {file} is an SQLite database (a sync file?); appending to it would corrupt it.", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, Writes);
        Assert.Equal(before, await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task Grant_AccountRoleWithJsonOutputAndAuditLog_BothNameTheAppUsed()
    {
        _variables["BATON_AWS_OKTA_APP_ID"] = "all";
        var audit = _temp.File("audit.jsonl");

        var result = await CliRun.RunAsync(_variables, "grant", "--entitlement", "account:210987654321:Admin", "--principal-type", "user", "--principal", "alice@acme.example", "--provisioning", "--output", "json", "--audit-log", audit);

        Assert.Equal(0, result.ExitCode);
        using var line = JsonDocument.Parse(result.Out);
        Assert.Equal(("granted", "0oademoaws0000000002", "Amazon Web Services (staging)"), (line.RootElement.GetProperty("result").GetString(), line.RootElement.GetProperty("appId").GetString(), line.RootElement.GetProperty("appLabel").GetString()));
        Assert.Equal([1], line.RootElement.GetProperty("lines").EnumerateArray().Select(l => l.GetInt32()));
        using var entry = JsonDocument.Parse(Assert.Single(await File.ReadAllLinesAsync(audit)));
        Assert.Equal(("0oademoaws0000000002", "Amazon Web Services (staging)"), (entry.RootElement.GetProperty("appId").GetString(), entry.RootElement.GetProperty("appLabel").GetString()));
        Assert.Contains("in app 'Amazon Web Services (staging)' (0oademoaws0000000002) with POST /api/v1/apps/0oademoaws0000000002/users", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_ReviewSheet_AppliesTheRevokeRowsOnceAndTheSummaryCountsSkippedRows()
    {
        _variables["BATON_AWS_OKTA_APP_ID"] = "all";
        var sheet = ReviewSheet();

        var refused = await CliRun.RunAsync(_variables, "revoke", "--from-file", sheet);
        var result = await CliRun.RunAsync(_variables, "revoke", "--from-file", sheet, "--provisioning");

        Assert.Equal(ExitCode.UsageError, refused.ExitCode);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("line 2: revoked: revoke account:123456789012:ReadOnly from user:00udemoheidi00000008 in app 'Amazon Web Services (production)' (0oademoaws0000000001)", result.Out, StringComparison.Ordinal);
        Assert.Contains("lines 3, 4: revoked: revoke group:00gdemoawsdevs000002:member from user:00udemocarol00000003\n", result.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Done: 2 revoked (3 lines), 1 skipped (keep), 1 skipped (no decision).", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("line 5", result.Out, StringComparison.Ordinal);
        Assert.Equal(2, Writes);
        Assert.False(_simulator.State.IsMember("00gdemoawsdevs000002", "00udemocarol00000003"));
    }

    [Fact]
    public async Task Revoke_ReviewSheetDryRunJson_PrintsEveryLineWithTheWritesItWouldMake()
    {
        _variables["BATON_AWS_OKTA_APP_ID"] = "all";

        var result = await CliRun.RunAsync(_variables, "revoke", "--from-file", ReviewSheet(), "--dry-run", "--output", "json");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.Equal(["planned", "planned", "skipped-keep", "skipped-no-decision"], lines.Select(l => l.GetProperty("result").GetString()));
        Assert.Equal([[2], [3, 4], [5], [6]], lines.Select(l => l.GetProperty("lines").EnumerateArray().Select(n => n.GetInt32()).ToArray()));
        Assert.Equal("DELETE", lines[1].GetProperty("writes")[0].GetProperty("method").GetString());
        Assert.Equal(JsonValueKind.Null, lines[1].GetProperty("appId").ValueKind);
        Assert.Equal("account:123456789012:Billing", lines[2].GetProperty("entitlement").GetString());
        Assert.All(lines, l => Assert.Equal("revoke", l.GetProperty("action").GetString()));
        Assert.Equal(0, Writes);
    }

    [Fact]
    public async Task Grant_ReviewSheet_IsAUsageErrorPointingToRevoke()
    {
        var sheet = ReviewSheet();

        var result = await CliRun.RunAsync(_variables, "grant", "--from-file", sheet, "--provisioning");

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains($"is a review sheet (it has a decision column); its rows can only be revoked: run revoke --from-file {sheet}.", result.Error, StringComparison.Ordinal);
        Assert.Empty(_simulator.Requests.Entries);
    }

    /// <summary>heidi's direct ReadOnly and carol's AWS Developers membership (two rows) marked revoke, alice kept, bob undecided.</summary>
    private string ReviewSheet()
    {
        const string Prod = "0oademoaws0000000001";
        const string Label = "Amazon Web Services (production)";
        const string Carol = "00udemocarol00000003";
        const string Developers = "00gdemoawsdevs000002";
        return ReviewSheetFile.Write(_temp.File("review.csv"),
        [
            new ReviewSheetRow("revoke", "00udemoheidi00000008", "heidi@acme.example", Prod, Label, "123456789012", "ReadOnly", "direct", "account:123456789012:ReadOnly:user:00udemoheidi00000008"),
            new ReviewSheetRow("Revoke", Carol, "carol@acme.example", Prod, Label, "123456789012", "Developer", "group:" + Developers, $"group:{Developers}:member:user:{Carol}"),
            new ReviewSheetRow(" revoke", Carol, "carol@acme.example", Prod, Label, "123456789012", "ReadOnly", "group:" + Developers, $"group:{Developers}:member:user:{Carol}"),
            new ReviewSheetRow("keep", "00udemoalice00000001", "alice@acme.example", Prod, Label, "123456789012", "Billing", "direct", "account:123456789012:Billing:user:00udemoalice00000001", Name: "Nguyen, Alice"),
            new ReviewSheetRow(string.Empty, Bob, "bob@acme.example", Prod, Label, "123456789012", "Admin", "group:00gdemoawsadmins0001", $"group:{Admins}:member:user:{Bob}"),
        ],
        spreadsheet: true);
    }

    [Fact]
    public async Task Grant_WithAuditLog_AppendsAJsonLinePerWriteWithoutTheToken()
    {
        var audit = _temp.File("audit.jsonl");

        var result = await CliRun.RunAsync(_variables, "grant", "--entitlement", "account:123456789012:PowerUser", "--principal-type", "user", "--principal", Grace, "--provisioning", "--audit-log", audit, "--log-level", "debug");

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(await File.ReadAllLinesAsync(audit));
        using var entry = JsonDocument.Parse(line);
        Assert.Equal("POST", entry.RootElement.GetProperty("method").GetString());
        Assert.Equal("not assigned to the app", entry.RootElement.GetProperty("before").GetString());
        Assert.Equal("scope USER, samlRoles [PowerUser]", entry.RootElement.GetProperty("after").GetString());
        Assert.Equal("granted", entry.RootElement.GetProperty("result").GetString());
        Assert.DoesNotContain(TestSimulator.Token, line, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSimulator.Token, result.All, StringComparison.Ordinal);
        Assert.Contains("Write by ", result.Error, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(audit));
        }
    }

    [Fact]
    public async Task RootOneShotFlags_LikeBaton_GrantAndRevoke()
    {
        _variables["BATON_PROVISIONING"] = "true";

        var grant = await CliRun.RunAsync(_variables, "--grant-entitlement", $"group:{Admins}:member", "--grant-principal-type", "user", "--grant-principal", Grace);
        var revoke = await CliRun.RunAsync(_variables, "--revoke-grant", $"group:{Admins}:member:user:{Grace}");

        Assert.Equal((0, 0), (grant.ExitCode, revoke.ExitCode));
        Assert.Contains("granted", grant.Out, StringComparison.Ordinal);
        Assert.Contains("revoked", revoke.Out, StringComparison.Ordinal);
        Assert.False(_simulator.State.IsMember(Admins, Grace));
    }

    [Fact]
    public async Task Revoke_Text_SaysFromThePrincipal()
    {
        var result = await CliRun.RunAsync(_variables, "revoke", "--grant", $"group:{Admins}:member:user:{Bob}", "--dry-run");

        Assert.Contains($"line 1: planned: revoke group:{Admins}:member from user:{Bob}", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grant_UnknownRole_IsRefusedUnlessAllowed()
    {
        string[] args = ["grant", "--entitlement", "account:123456789012:Adminn", "--principal-type", "user", "--principal", Grace, "--provisioning"];

        var refused = await CliRun.RunAsync(_variables, args);
        var allowed = await CliRun.RunAsync(_variables, [.. args, "--allow-unknown-role"]);

        Assert.Equal((ExitCode.Failure, 0), (refused.ExitCode, allowed.ExitCode));
        Assert.Contains("error: Role Adminn is not in the AWS role list", refused.Out, StringComparison.Ordinal);
        Assert.Contains("line 1: granted:", allowed.Out, StringComparison.Ordinal);
        Assert.Contains("warning: Role Adminn is not in the AWS role list", allowed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grant_PrincipalMe_IsAUsageError()
    {
        var result = await CliRun.RunAsync(_variables, "grant", "--entitlement", $"group:{Admins}:member", "--principal-type", "user", "--principal", "me", "--provisioning");

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains("'me' is not a user: Okta reads it as the API token's own admin", result.Error, StringComparison.Ordinal);
        Assert.Empty(_simulator.Requests.Entries);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public async Task Grant_ConversionWithJoinAllRolesOff_NamesEveryRoleNowHeldDirectlyInDryRunResultAndAudit(string output)
    {
        var audit = _temp.File("audit.jsonl");
        string[] args = ["grant", "--entitlement", "account:123456789012:PowerUser", "--principal-type", "user", "--principal", "carol@acme.example", "--aws-allow-group-to-direct-assignment-conversion-for-provisioning", "--output", output];

        var dryRun = await CliRun.RunAsync(_variables, [.. args, "--dry-run"]);
        var applied = await CliRun.RunAsync(_variables, [.. args, "--provisioning", "--audit-log", audit]);

        Assert.Equal((0, 0), (dryRun.ExitCode, applied.ExitCode));
        if (output == "text")
        {
            Assert.Contains("would now be held directly instead of through their group (joinAllRoles is off, so later changes to the group's roles no longer reach this user): Developer (was through 'AWS Developers' (00gdemoawsdevs000002)), ReadOnly (was through 'AWS Developers' (00gdemoawsdevs000002))", dryRun.Out, StringComparison.Ordinal);
            Assert.Contains("    now held directly instead of through their group", applied.Out, StringComparison.Ordinal);
        }
        else
        {
            foreach (var text in new[] { dryRun.Out, applied.Out })
            {
                using var line = JsonDocument.Parse(text);
                Assert.Equal(["Developer", "ReadOnly"], line.RootElement.GetProperty("rolesMadeDirect").EnumerateArray().Select(r => r.GetProperty("role").GetString()));
                Assert.Equal("AWS Developers", line.RootElement.GetProperty("rolesMadeDirect")[0].GetProperty("groups")[0].GetProperty("name").GetString());
            }
        }

        using var entry = JsonDocument.Parse(Assert.Single(await File.ReadAllLinesAsync(audit)));
        Assert.Equal(["Developer", "ReadOnly"], entry.RootElement.GetProperty("rolesMadeDirect").EnumerateArray().Select(r => r.GetProperty("role").GetString()));
        Assert.Contains("\"PowerUser\"", entry.RootElement.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromFile_CancelledWhileLineTwosWriteIsInFlight_PrintsLineOneAuditsLineTwoAsUnknownAndExits130()
    {
        var file = _temp.File("changes.csv");
        var audit = _temp.File("audit.jsonl");
        const string Developers = "00gdemoawsdevs000002";
        const string Auditors = "00gdemoawsaudit00003";
        await File.WriteAllLinesAsync(file,
        [
            "action,entitlement,principal_type,principal",
            $"grant,group:{Admins}:member,user,{Grace}",
            $"grant,group:{Developers}:member,user,{Grace}",
            $"grant,group:{Auditors}:member,user,{Grace}",
        ]);
        // Line 2's write waits at the simulator's gate (before Okta would apply it) until the client gives up.
        _simulator.Faults.Install(new OktaSimulator.Http.FaultPlan { HoldFrom = 1, PathPrefix = $"/api/v1/groups/{Developers}/users/" });
        using var cancellation = new CancellationTokenSource();

        var run = CliRun.RunAsync(_variables, cancellation.Token, "grant", "--from-file", file, "--provisioning", "--audit-log", audit);
        var held = _simulator.Faults.WhenHeldAsync();
        Assert.True(held == await Task.WhenAny(held, run).WaitAsync(TimeSpan.FromSeconds(60)), "the run ended before its second write was held");
        Assert.Equal(("PUT", $"/api/v1/groups/{Developers}/users/{Grace}"), ((await held).Method, (await held).Path));
        await cancellation.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCode.Cancelled, result.ExitCode);
        Assert.Contains($"line 2: granted: grant group:{Admins}:member to user:{Grace}", result.Out, StringComparison.Ordinal);
        Assert.Contains($"line 3: outcome-unknown: grant group:{Developers}:member to user:{Grace}", result.Out, StringComparison.Ordinal);
        Assert.Contains($"with PUT /api/v1/groups/{Developers}/users/{Grace}: outcome-unknown (before: not a member; after: unknown)", result.Error, StringComparison.Ordinal);
        Assert.Contains($"sent, outcome unknown: PUT /api/v1/groups/{Developers}/users/{Grace}", result.Out, StringComparison.Ordinal);
        Assert.Contains("line 4: cancelled:", result.Out, StringComparison.Ordinal);
        Assert.Contains($"Interrupted: 1 change(s) done, 1 not started; the outcome of line(s) 3 is unknown (the write was sent and is in {audit}): check it in Okta.", result.Error, StringComparison.Ordinal);
        Assert.Contains("Interrupted: stopping safely (interrupt again, with Ctrl-C or another SIGTERM, to quit at once)", result.Error, StringComparison.Ordinal);
        var entries = (await File.ReadAllLinesAsync(audit)).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.Equal(["granted", "outcome-unknown"], entries.Select(e => e.GetProperty("result").GetString()));
        Assert.Equal($"/api/v1/groups/{Developers}/users/{Grace}", entries[1].GetProperty("path").GetString());
        Assert.False(_simulator.State.IsMember(Developers, Grace));
        Assert.False(_simulator.State.IsMember(Auditors, Grace));
    }

    [Theory]
    [InlineData(new[] { "grant", "--provisioning" }, "Say what to grant: --entitlement (group:<groupId>:member or account:<accountId>:<role>), --principal-type (user or group) and --principal")]
    [InlineData(new[] { "grant", "--provisioning", "--entitlement", "group:00g1:member" }, "To describe the grant, also give --principal-type and --principal.")]
    [InlineData(new[] { "revoke", "--provisioning" }, "Say what to revoke: --grant <entitlementId>:<user|group>:<principalId>")]
    [InlineData(new[] { "revoke", "--provisioning", "--grant", "x", "--from-file", "y" }, "Give either --from-file or a single change on the command line, not both.")]
    [InlineData(new[] { "grant", "--provisioning", "--entitlement", "group:00g1:owner", "--principal-type", "user", "--principal", "00u1" }, "'group:00g1:owner' is not an entitlement id")]
    [InlineData(new[] { "grant", "--provisioning", "--from-file", "/no/such/changes.csv" }, "Cannot read the change file /no/such/changes.csv")]
    [InlineData(new[] { "grant", "--provisioning", "--output", "yaml", "--entitlement", "group:00g1:member", "--principal-type", "user", "--principal", "00u1" }, "--output must be text or json (got 'yaml')")]
    public async Task Provisioning_BadFlags_AreUsageErrors(string[] args, string message)
    {
        var result = await CliRun.RunAsync(_variables, args);

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Empty(_simulator.Requests.Entries);
    }
}
