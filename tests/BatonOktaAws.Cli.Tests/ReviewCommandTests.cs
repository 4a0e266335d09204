using System.Text.Json;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;

namespace BatonOktaAws.Cli.Tests;

/// <summary>syncs, access --sync, diff and findings on the real command line, with changes made through the simulator.</summary>
public sealed class ReviewCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Diff_AfterAGrantAndARevokeThroughTheCli_ReportsExactlyThoseAccessChangesAndExits4()
    {
        var state = OrgFixture.Demo().ToState();
        await using var simulator = await TestSimulator.StartAsync(state);
        var file = _temp.File("aws.db");
        var variables = CliRun.Variables(simulator, file);
        variables["BATON_AWS_OKTA_APP_ID"] = "all";
        Assert.Equal(0, (await CliRun.RunAsync(variables, "sync")).ExitCode);

        variables["BATON_AWS_OKTA_APP_ID"] = "0oademoaws0000000001";
        var grant = await CliRun.RunAsync(variables, "grant", "--entitlement", "group:00gdemoawsadmins0001:member", "--principal-type", "user", "--principal", "grace@acme.example", "--provisioning");
        var revoke = await CliRun.RunAsync(variables, "revoke", "--grant", "account:123456789012:ReadOnly:user:00udemoheidi00000008", "--provisioning");
        Assert.Equal((0, 0), (grant.ExitCode, revoke.ExitCode));
        variables["BATON_AWS_OKTA_APP_ID"] = "all";
        Assert.Equal(0, (await CliRun.RunAsync(variables, "sync")).ExitCode);

        var diff = await CliRun.RunAsync(null, "diff", "--file", file, "--exit-code", "--output", "json");

        Assert.Equal(ExitCode.AccessChanged, diff.ExitCode);
        using var json = JsonDocument.Parse(diff.Out);
        var access = json.RootElement.GetProperty("access").EnumerateArray()
            .Select(a => (a.GetProperty("change").GetString(), a.GetProperty("login").GetString(), a.GetProperty("appId").GetString(), a.GetProperty("role").GetString(), a.GetProperty("source").GetString()))
            .ToList();
        Assert.Equal(
            [
                ("added", "grace@acme.example", "0oademoaws0000000001", "Admin", "group:00gdemoawsadmins0001"),
                ("removed", "heidi@acme.example", "0oademoaws0000000001", "ReadOnly", "direct"),
            ],
            access);
        Assert.Equal(
            ["change", "userId", "login", "appId", "appLabel", "accountId", "role", "source"],
            json.RootElement.GetProperty("access")[0].EnumerateObject().Select(p => p.Name));
        var membership = Assert.Single(json.RootElement.GetProperty("memberships").EnumerateArray());
        Assert.Equal("grace@acme.example", membership.GetProperty("login").GetString());
        Assert.Contains(json.RootElement.GetProperty("assignments").EnumerateArray(), a => a.GetProperty("principalName").GetString() == "heidi@acme.example");
    }

    [Fact]
    public async Task Diff_NothingChanged_ExitsZeroAndSaysSo()
    {
        var file = await SyncTwiceAsync();

        var diff = await CliRun.RunAsync(null, "diff", "--file", file, "--exit-code");
        var csv = await CliRun.RunAsync(null, "diff", "--file", file, "--output", "csv");

        Assert.Equal(0, diff.ExitCode);
        Assert.Contains("Nothing changed.", diff.Out, StringComparison.Ordinal);
        Assert.Equal("change,userId,login,appId,appLabel,accountId,role,source", csv.Out.Trim());
    }

    [Fact]
    public async Task Diff_FileWithItsFirstSyncOnly_SaysThereIsNothingToCompareWithAndExitsZeroEvenWithExitCode()
    {
        var file = _temp.File("once.db");
        Assert.Equal(0, (await CliRun.RunAsync(null, "demo", "--file", file)).ExitCode);

        var diff = await CliRun.RunAsync(null, "diff", "--file", file, "--exit-code");
        var json = await CliRun.RunAsync(null, "diff", "--file", file, "--exit-code", "--output", "json");

        // The first night of `sync && diff --exit-code || alert`: no alert, and no error either.
        Assert.Equal((0, 0), (diff.ExitCode, json.ExitCode));
        Assert.StartsWith("Sync 1 (", diff.Out, StringComparison.Ordinal);
        Assert.Contains("is the first sync this file keeps: nothing to compare with yet. The next sync will be compared with it.", diff.Out, StringComparison.Ordinal);
        Assert.Contains("holds only its first sync: nothing to compare with yet", diff.Error, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("from").ValueKind);
        Assert.Equal(1, document.RootElement.GetProperty("to").GetProperty("syncId").GetInt64());
        Assert.False(document.RootElement.GetProperty("accessChanged").GetBoolean());
        Assert.Equal(0, document.RootElement.GetProperty("access").GetArrayLength());
    }

    [Fact]
    public async Task Diff_LaterSyncWhoseEarlierOnesWereNotKept_FailsSayingHowManyToKeep()
    {
        var file = _temp.File("kept-one.db");
        Assert.Equal(0, (await CliRun.RunAsync(null, "demo", "--file", file)).ExitCode);
        await using (var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState()))
        {
            var variables = CliRun.Variables(simulator, file);
            variables["BATON_AWS_OKTA_APP_ID"] = "all";
            Assert.Equal(0, (await CliRun.RunAsync(variables, "sync", "--keep-syncs", "1")).ExitCode);
        }

        var diff = await CliRun.RunAsync(null, "diff", "--file", file, "--exit-code");

        // Silence here would hide every change from a cron job that keeps one sync.
        Assert.Equal(ExitCode.Failure, diff.ExitCode);
        Assert.Contains("keeps no sync before sync 2 to compare with", diff.Error, StringComparison.Ordinal);
        Assert.Contains("keep at least 2 to diff", diff.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_AgainstAnotherFile_ComparesTheirLatestSyncs()
    {
        var older = _temp.File("older.db");
        var newer = _temp.File("newer.db");
        Assert.Equal(0, (await CliRun.RunAsync(null, "demo", "--file", older)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(null, "demo", "--file", newer)).ExitCode);

        var diff = await CliRun.RunAsync(null, "diff", "--file", newer, "--base", older, "--exit-code");

        Assert.Equal(0, diff.ExitCode);
        Assert.Contains("Changes from sync 1", diff.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncsAndAccessSync_ListTheKeptSyncsAndReadAnOlderOne()
    {
        var file = await SyncTwiceAsync();

        var syncs = await CliRun.RunAsync(null, "syncs", "--file", file, "--output", "json");
        var old = await CliRun.RunAsync(null, "access", "--file", file, "--sync", "1", "--output", "json");
        var missing = await CliRun.RunAsync(null, "access", "--file", file, "--sync", "9");

        using var json = JsonDocument.Parse(syncs.Out);
        Assert.Equal([2L, 1L], json.RootElement.EnumerateArray().Select(s => s.GetProperty("syncId").GetInt64()));
        Assert.Equal(3, json.RootElement[0].GetProperty("apps").GetArrayLength());
        Assert.Equal(MultiAppDemo.AccessRows, ExpectedAccess.ParseJson(old.Out).Count);
        Assert.Equal(ExitCode.Failure, missing.ExitCode);
        Assert.Contains("holds no finished sync 9; it holds 2, 1", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Findings_DemoEstate_ListsTheCodesAndFailOnSetsTheExitCode()
    {
        var file = _temp.File("aws.db");
        Assert.Equal(0, (await CliRun.RunAsync(null, "demo", "--file", file)).ExitCode);

        var json = await CliRun.RunAsync(null, "findings", "--file", file, "--output", "json");
        var failHigh = await CliRun.RunAsync(null, "findings", "--file", file, "--fail-on", "high");
        var table = await CliRun.RunAsync(new Dictionary<string, string> { ["BATON_FILE"] = file }, "findings");

        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Out);
        var codes = document.RootElement.EnumerateArray().Select(f => f.GetProperty("code").GetString()).Distinct().ToList();
        Assert.Equal(
            [
                "admin-equivalent-access", "dormant-access", "iam-user-bypasses-okta", "can-change-aws-access", "role-missing-in-iam", "role-not-in-aws", "role-not-trusting-okta",
                "undocumented-default-role", "direct-assignment", "ignored-group-name", "mapping-group-not-assigned", "saml-role-without-holders",
                "shadowed-group-roles", "credentials-not-stored", "role-list-unavailable",
            ],
            codes);
        Assert.Equal(
            ["code", "severity", "userId", "login", "appId", "appLabel", "accountId", "role", "groupId", "groupName", "explanation"],
            document.RootElement[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(ExitCode.FindingsAtOrAbove, failHigh.ExitCode);
        Assert.Contains($"{MultiAppDemo.Findings} findings: 5 high, 12 medium, 11 low, 2 info.", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Findings_FailOnHighWithoutHighFindings_ExitsZero()
    {
        var state = OrgFixture.Demo().ToState();
        state.Users["00udemofrank00000006"].Status = OktaSimulator.Model.UserStatus.Active;
        await using var simulator = await TestSimulator.StartAsync(state);
        var file = _temp.File("aws.db");
        var variables = CliRun.Variables(simulator, file);
        variables["BATON_AWS_OKTA_APP_ID"] = "all";
        Assert.Equal(0, (await CliRun.RunAsync(variables, "sync")).ExitCode);

        var result = await CliRun.RunAsync(null, "findings", "--file", file, "--fail-on", "high");
        var medium = await CliRun.RunAsync(null, "findings", "--file", file, "--fail-on", "MEDIUM");
        var bad = await CliRun.RunAsync(null, "findings", "--file", file, "--fail-on", "urgent");
        var none = await CliRun.RunAsync(new Dictionary<string, string> { ["BATON_FAIL_ON"] = "none" }, "findings", "--file", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, none.ExitCode);
        Assert.Equal(ExitCode.FindingsAtOrAbove, medium.ExitCode);
        Assert.Equal(ExitCode.UsageError, bad.ExitCode);
        Assert.Contains("--fail-on must be none, high, medium, low or info (got 'urgent')", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_OutIsASyncFileOrAC1z_IsRefusedAndTheFileIsUntouched()
    {
        var file = _temp.File("aws.db");
        Assert.Equal(0, (await CliRun.RunAsync(null, "demo", "--file", file)).ExitCode);
        var c1z = _temp.File("aws.c1z");
        Assert.Equal(0, (await CliRun.RunAsync(null, "export", "--file", file, "--out", c1z)).ExitCode);
        var syncBytes = await File.ReadAllBytesAsync(file);
        var c1zBytes = await File.ReadAllBytesAsync(c1z);

        var overSync = await CliRun.RunAsync(null, "report", "--file", file, "--out", file, "--format", "html");
        var overC1z = await CliRun.RunAsync(null, "report", "--file", file, "--out", c1z, "--format", "csv");

        Assert.Equal((ExitCode.UsageError, ExitCode.UsageError), (overSync.ExitCode, overC1z.ExitCode));
        Assert.Contains($"--out {file} is an SQLite database (a sync file?); writing the report there would destroy it.", overSync.Error, StringComparison.Ordinal);
        Assert.Contains($"--out {c1z} is a c1z;", overC1z.Error, StringComparison.Ordinal);
        Assert.Equal(syncBytes, await File.ReadAllBytesAsync(file));
        Assert.Equal(c1zBytes, await File.ReadAllBytesAsync(c1z));
    }

    private async Task<string> SyncTwiceAsync()
    {
        var file = _temp.File("twice.db");
        Assert.Equal(0, (await CliRun.RunAsync(null, "demo", "--file", file)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(null, "demo", "--file", file)).ExitCode);
        return file;
    }
}
