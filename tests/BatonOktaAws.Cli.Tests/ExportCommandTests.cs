using System.Text.Json;
using BatonOktaAws.Core.Sync;
using BatonOktaAws.Store;
using BatonOktaAws.Store.C1z;
using BatonOktaAws.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using OktaSimulator.Fixtures;

namespace BatonOktaAws.Cli.Tests;

/// <summary><c>export</c> and <c>sync --c1z</c>: the c1z is written whole after a good sync, and never destroys what is there otherwise.</summary>
public sealed class ExportCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task SyncWithC1z_Succeeds_WritesAC1zOfThatSyncAndSaysSo()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var c1z = _temp.File("aws.c1z");

        var result = await CliRun.RunAsync(AllApps(simulator), "sync", "--c1z", c1z);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains($"  Wrote c1z {c1z} (sync 1 of {_temp.File("sync.db")}; Baton sync ", result.Out, StringComparison.Ordinal);
        using var reader = C1zReader.Open(c1z);
        Assert.Equal(67, reader.ReadStats().Grants);
        Assert.Equal(["sync.db", "aws.c1z"], Directory.GetFiles(_temp.Path).Select(Path.GetFileName).OrderDescending());
    }

    [Fact]
    public async Task SyncWithC1z_JsonLogs_TheSummaryObjectCarriesTheC1z()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());

        var result = await CliRun.RunAsync(AllApps(simulator), "sync", "--c1z", _temp.File("aws.c1z"), "--log-format", "json");

        Assert.Equal(0, result.ExitCode);
        using var summary = JsonDocument.Parse(result.Out);
        var c1z = summary.RootElement.GetProperty("c1z");
        Assert.Equal((_temp.File("aws.c1z"), 67), (c1z.GetProperty("file").GetString(), c1z.GetProperty("grants").GetInt32()));
        Assert.Equal("sync-finished", summary.RootElement.GetProperty("event").GetString());
    }

    [Fact]
    public async Task SyncWithC1z_TargetIsNotAC1z_IsRefusedBeforeOktaIsAskedAnything()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var notes = _temp.File("notes.txt");
        File.WriteAllText(notes, "keep me");

        var result = await CliRun.RunAsync(AllApps(simulator), "sync", "--c1z", notes);

        Assert.Equal(ExitCode.Failure, result.ExitCode);
        Assert.Equal(
            $"baton-okta-aws: error: Refusing to replace '{notes}': it is not a c1z file (it does not start with Baton's C1Z header). Pass another path, or --force to replace it.",
            Assert.Single(CliRun.Lines(result.Error)));
        Assert.Equal("keep me", File.ReadAllText(notes));
        Assert.Equal(0, simulator.Requests.Count);
        Assert.False(File.Exists(_temp.File("sync.db")));
    }

    [Fact]
    public async Task SyncWithC1z_TheSyncFileItself_IsRefused()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());

        var result = await CliRun.RunAsync(AllApps(simulator), "sync", "--c1z", _temp.File("sync.db"), "--force");

        Assert.Equal(ExitCode.Failure, result.ExitCode);
        Assert.StartsWith($"baton-okta-aws: error: '{_temp.File("sync.db")}' is the sync file itself", Assert.Single(CliRun.Lines(result.Error)), StringComparison.Ordinal);
        Assert.Equal(0, simulator.Requests.Count);
    }

    [Fact]
    public async Task SyncWithC1z_SyncFails_ThePreviousC1zIsUnchanged()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var c1z = _temp.File("aws.c1z");
        Assert.Equal(0, (await CliRun.RunAsync(AllApps(simulator), "sync", "--c1z", c1z)).ExitCode);
        var before = File.ReadAllBytes(c1z);
        var variables = AllApps(simulator);
        variables["BATON_API_TOKEN"] = "00WRONG-token-Sx9q7ZkWmd3LpVbN";

        var result = await CliRun.RunAsync(variables, "sync", "--c1z", c1z);

        Assert.Equal(ExitCode.Failure, result.ExitCode);
        Assert.Contains("Okta rejected the API token", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(c1z));
        Assert.DoesNotContain(Directory.GetFiles(_temp.Path), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteC1z_CannotWriteAfterTheSync_SaysTheSyncFileWasWrittenAndHowToWriteTheC1z()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        Assert.Equal(0, (await CliRun.RunAsync(AllApps(simulator), "sync")).ExitCode);
        var file = _temp.File("sync.db");
        var gone = Path.Combine(_temp.Path, "gone", "aws.c1z");
        var result = new SyncResult(file, 1, new Store.Model.SyncCounts(3, 10, 8, 3, 21, 40, 20, 0), 19, TimeSpan.FromSeconds(1), [], [], false, SyncHistoryResult.None);

        var error = Assert.Throws<C1zException>(() => SyncRunner.WriteC1z(result, gone, TimeProvider.System, NullLogger.Instance, CancellationToken.None));

        Assert.StartsWith($"The sync file {file} was written (sync 1), but the c1z was not (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"); no c1z was written at {gone}; run 'baton-okta-aws export --file {file} --out {gone}' to write it.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_OlderSync_WritesThatSyncAndReplacesThePreviousC1z()
    {
        var state = OrgFixture.Demo().ToState();
        await using var simulator = await TestSimulator.StartAsync(state);
        Assert.Equal(0, (await CliRun.RunAsync(AllApps(simulator), "sync")).ExitCode);
        Assert.True(state.RemoveMember("00gdemoawsdevs000002", "00udemocarol00000003"));
        Assert.Equal(0, (await CliRun.RunAsync(AllApps(simulator), "sync")).ExitCode);
        var c1z = _temp.File("out.c1z");

        var latest = await CliRun.RunAsync(null, "export", "--file", _temp.File("sync.db"), "--out", c1z);
        var latestGrants = GrantIds(c1z);
        var older = await CliRun.RunAsync(new Dictionary<string, string> { ["BATON_SYNC"] = "1", ["BATON_OUT"] = c1z }, "export", "--file", _temp.File("sync.db"));

        Assert.Equal((0, 0), (latest.ExitCode, older.ExitCode));
        Assert.Contains($"(sync 1 of {_temp.File("sync.db")}; Baton sync", older.Out, StringComparison.Ordinal);
        Assert.Equal(["account:123456789012:Developer:user:00udemocarol00000003", "account:123456789012:ReadOnly:user:00udemocarol00000003", "account:210987654321:Developer:user:00udemocarol00000003", "group:00gdemoawsdevs000002:member:user:00udemocarol00000003"],
            GrantIds(c1z).Except(latestGrants).Where(id => id.StartsWith("account:", StringComparison.Ordinal) || id.StartsWith("group:", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Export_JsonLogs_PrintsOneObject()
    {
        var file = await SyncDemoAsync();

        var result = await CliRun.RunAsync(null, "export", "--file", file, "--out", _temp.File("x.c1z"), "--log-format", "json");

        Assert.Equal(0, result.ExitCode);
        using var line = JsonDocument.Parse(result.Out);
        Assert.Equal(("c1z-written", 67), (line.RootElement.GetProperty("event").GetString(), line.RootElement.GetProperty("grants").GetInt32()));
    }

    [Fact]
    public async Task Export_FormatOtherThanC1z_IsAUsageErrorAndWritesNothing()
    {
        var file = await SyncDemoAsync();

        var result = await CliRun.RunAsync(new Dictionary<string, string> { ["BATON_FORMAT"] = "csv" }, "export", "--file", file, "--out", _temp.File("x.c1z"));

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Equal("baton-okta-aws: error: BATON_FORMAT must be c1z (got 'csv').", Assert.Single(CliRun.Lines(result.Error)));
        Assert.False(File.Exists(_temp.File("x.c1z")));
    }

    [Fact]
    public async Task Export_OutIsNotAC1z_IsRefusedUnlessForced()
    {
        var file = await SyncDemoAsync();
        var notes = _temp.File("notes.txt");
        File.WriteAllText(notes, "keep me");

        var refused = await CliRun.RunAsync(null, "export", "--file", file, "--out", notes);
        var forced = await CliRun.RunAsync(null, "export", "--file", file, "--out", notes, "--force");

        Assert.Equal((ExitCode.Failure, 0), (refused.ExitCode, forced.ExitCode));
        Assert.StartsWith($"baton-okta-aws: error: Refusing to replace '{notes}'", refused.Error, StringComparison.Ordinal);
        Assert.Equal("C1ZF\0"u8.ToArray(), File.ReadAllBytes(notes)[..5]);
    }

    [Fact]
    public async Task Export_SyncTheFileDoesNotHold_FailsNamingTheSyncsItHolds()
    {
        var file = await SyncDemoAsync();

        var result = await CliRun.RunAsync(null, "export", "--file", file, "--sync", "7", "--out", _temp.File("x.c1z"));

        Assert.Equal(ExitCode.Failure, result.ExitCode);
        Assert.Equal($"baton-okta-aws: error: Sync file {file} holds no finished sync 7; it holds 1 (see `baton-okta-aws syncs`).", Assert.Single(CliRun.Lines(result.Error)));
        Assert.False(File.Exists(_temp.File("x.c1z")));
    }

    private static HashSet<string> GrantIds(string c1z)
    {
        using var reader = C1zReader.Open(c1z);
        return [.. reader.ReadGrants().Select(g => g.Id)];
    }

    private Dictionary<string, string> AllApps(OktaSimulator.OktaSimulatorServer simulator)
    {
        var variables = CliRun.Variables(simulator, _temp.File("sync.db"));
        variables["BATON_AWS_OKTA_APP_ID"] = "all";
        return variables;
    }

    private async Task<string> SyncDemoAsync()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        Assert.Equal(0, (await CliRun.RunAsync(AllApps(simulator), "sync")).ExitCode);
        return _temp.File("sync.db");
    }
}
