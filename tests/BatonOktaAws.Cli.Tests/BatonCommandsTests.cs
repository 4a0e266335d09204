using System.Text.Json;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;

namespace BatonOktaAws.Cli.Tests;

/// <summary>Baton's reading commands (resources, entitlements, grants, stats) on a sync file and on its c1z, and capabilities.</summary>
public sealed class BatonCommandsTests : IDisposable
{
    private const string Staging = "0oademoaws0000000002";
    private const string Developers = "00gdemoawsdevs000002";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("export")]
    [InlineData("resources")]
    [InlineData("entitlements")]
    [InlineData("grants")]
    [InlineData("stats")]
    [InlineData("capabilities")]
    [InlineData("config")]
    public async Task Help_BatonCommands_ShowEachOptionsVariableExamplesAndExitCodes(string commandName)
    {
        var result = await CliRun.RunAsync(null, commandName, "--help");

        Assert.Equal(0, result.ExitCode);
        var command = CliApplication.BuildRoot(new CliEnvironment(_ => null, TextWriter.Null, TextWriter.Null, false, TimeProvider.System)).Subcommands.Single(c => c.Name == commandName);
        foreach (var option in command.Options.Where(o => o.Name != "--help"))
        {
            Assert.Contains($"[env: {EnvironmentFallback.VariableFor(option)}]", result.Out, StringComparison.Ordinal);
        }

        Assert.Contains($"  baton-okta-aws {commandName}", result.Out, StringComparison.Ordinal);
        foreach (var code in ((Help.IDocumentedCommand)command).ExitCodes)
        {
            Assert.Contains($"  {code,-4} {ExitCode.Meaning(code)}", result.Out, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("resources", "table")]
    [InlineData("resources", "json")]
    [InlineData("entitlements", "table")]
    [InlineData("entitlements", "json")]
    [InlineData("grants", "table")]
    [InlineData("grants", "json")]
    [InlineData("stats", "table")]
    [InlineData("stats", "json")]
    public async Task ReadingCommand_SyncFileAndItsC1z_PrintTheSame(string command, string format)
    {
        var (file, c1z) = await SyncAndExportDemoAsync();

        var fromSyncFile = await CliRun.RunAsync(null, command, "--file", file, "--output", format);
        var fromC1z = await CliRun.RunAsync(null, command, "--file", c1z, "--output", format);

        Assert.Equal((0, 0), (fromSyncFile.ExitCode, fromC1z.ExitCode));
        Assert.Equal(fromSyncFile.Out, fromC1z.Out);
        Assert.True(fromC1z.Out.Length > 100, fromC1z.Out);
        if (format == "json")
        {
            using var _ = JsonDocument.Parse(fromC1z.Out);
        }
    }

    [Fact]
    public async Task Grants_OfOneEntitlement_ListsItsHoldersWithWhatTheyHoldItThrough()
    {
        var (_, c1z) = await SyncAndExportDemoAsync();

        var result = await CliRun.RunAsync(null, "grants", "--file", c1z, "-e", "account:210987654321:ReadOnly");

        Assert.Equal(0, result.ExitCode);
        var lines = CliRun.Lines(result.Out);
        Assert.StartsWith("ID", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("account:210987654321:ReadOnly:group:00gdemostageops00007", StringComparison.Ordinal) && l.EndsWith("Staging Ops      direct", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("account:210987654321:ReadOnly:user:00udemoivan000000009", StringComparison.Ordinal) && l.EndsWith("Ivan Petrov      Amazon Web Services (staging) access, Staging Ops member", StringComparison.Ordinal));
        Assert.Equal("3 grants", lines[^1]);
    }

    [Fact]
    public async Task Grants_OnOneResource_ListsTheGrantsOfItsEntitlements()
    {
        var (file, _) = await SyncAndExportDemoAsync();

        var byTypeAndId = await CliRun.RunAsync(null, "grants", "--file", file, "-r", "account:555555555555", "-o", "json");
        var byIdWithType = await CliRun.RunAsync(null, "grants", "--file", file, "-t", "account", "-r", "555555555555", "-o", "json");

        Assert.Equal((0, 0), (byTypeAndId.ExitCode, byIdWithType.ExitCode));
        Assert.Equal(byTypeAndId.Out, byIdWithType.Out);
        using var json = JsonDocument.Parse(byTypeAndId.Out);
        var ids = json.RootElement.GetProperty("grants").EnumerateArray().Select(g => g.GetProperty("grant").GetProperty("id").GetString()).ToList();
        Assert.Equal(["account:555555555555:Billing:group:00gdemomapbill000009", "account:555555555555:Billing:user:00udemoheidi00000008"], ids);
        var heidi = json.RootElement.GetProperty("grants")[1];
        Assert.Equal("Heidi", heidi.GetProperty("principal").GetProperty("displayName").GetString()![..5]);
        Assert.True(heidi.GetProperty("grant").GetProperty("sources").GetProperty("sources").GetProperty("group:00gdemomapbill000009:member").GetProperty("isDirect").GetBoolean());
    }

    [Theory]
    [InlineData(new[] { "resources", "-t", "role" }, "--resource-type: ", "has no resource type 'role'; it has user, group, account, app.")]
    [InlineData(new[] { "entitlements", "--resource-type", "role" }, "--resource-type: ", "has no resource type 'role'")]
    [InlineData(new[] { "grants", "-e", "account:123456789012:Root" }, "--entitlement: ", "has no entitlement 'account:123456789012:Root'")]
    [InlineData(new[] { "grants", "-r", "account:999999999999" }, "--resource: ", "has no resource account:999999999999")]
    public async Task ReadingCommand_FilterNamingWhatTheFileDoesNotHold_Exits3SayingSo(string[] args, string start, string message)
    {
        var (_, c1z) = await SyncAndExportDemoAsync();

        var result = await CliRun.RunAsync(null, [.. args, "--file", c1z]);

        Assert.Equal(ExitCode.NotInSyncFile, result.ExitCode);
        var line = Assert.Single(CliRun.Lines(result.Error));
        Assert.StartsWith($"baton-okta-aws: error: {start}{c1z} (full sync ", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData(new[] { "grants", "-e", "group:00g1:member", "-r", "group:00g1" }, "Give --entitlement or --resource, not both (as baton grants).")]
    [InlineData(new[] { "grants", "-r", "00g1" }, "--resource '00g1' needs its type: pass type:id (e.g. account:00g1) or add --resource-type.")]
    [InlineData(new[] { "grants", "-t", "group", "-r", "account:1" }, "--resource must be type:id, e.g. account:123456789012, of the type --resource-type names (group) (got 'account:1').")]
    public async Task Grants_ContradictoryOrIncompleteFilters_AreUsageErrors(string[] args, string message)
    {
        var result = await CliRun.RunAsync(null, [.. args, "--file", _temp.File("never-read.db")]);

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Equal($"baton-okta-aws: error: {message}", Assert.Single(CliRun.Lines(result.Error)));
    }

    [Fact]
    public async Task ReadingCommand_SyncOfAC1z_IsAUsageError()
    {
        var (_, c1z) = await SyncAndExportDemoAsync();

        var result = await CliRun.RunAsync(new Dictionary<string, string> { ["BATON_SYNC"] = "1" }, "stats", "--file", c1z);

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Equal($"baton-okta-aws: error: BATON_SYNC picks a sync of a sync file, but {c1z} is a c1z; it is read at its latest finished full sync, as baton reads it.", Assert.Single(CliRun.Lines(result.Error)));
    }

    [Fact]
    public async Task ReadingCommand_OlderSyncOfTheFile_ReadsThatSync()
    {
        var state = OrgFixture.Demo().ToState();
        await using var simulator = await TestSimulator.StartAsync(state);
        var file = _temp.File("sync.db");
        var variables = CliRun.Variables(simulator, file);
        variables["BATON_AWS_OKTA_APP_ID"] = "all";
        Assert.Equal(0, (await CliRun.RunAsync(variables, "sync")).ExitCode);
        Assert.True(state.RemoveMember(Developers, "00udemocarol00000003"));
        Assert.Equal(0, (await CliRun.RunAsync(variables, "sync")).ExitCode);

        var older = await CliRun.RunAsync(null, "grants", "--file", file, "--sync", "1", "-e", $"group:{Developers}:member");
        var latest = await CliRun.RunAsync(null, "grants", "--file", file, "-e", $"group:{Developers}:member");

        Assert.Contains($"group:{Developers}:member:user:00udemocarol00000003", older.Out, StringComparison.Ordinal);
        Assert.DoesNotContain($"group:{Developers}:member:user:00udemocarol00000003", latest.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.c1z", "'{0}' does not exist.")]
    [InlineData("missing.db", "Sync file {0} does not exist; run `baton-okta-aws sync` first (or pass --file).")]
    public async Task ReadingCommand_MissingFile_SaysWhichKindOfFileIsMissing(string name, string message)
    {
        var result = await CliRun.RunAsync(null, "resources", "--file", _temp.File(name));

        Assert.Equal(ExitCode.Failure, result.ExitCode);
        Assert.Equal("baton-okta-aws: error: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, message, _temp.File(name)), Assert.Single(CliRun.Lines(result.Error)));
    }

    [Fact]
    public async Task Stats_C1z_CountsAsBatonStatsDoes()
    {
        var (_, c1z) = await SyncAndExportDemoAsync();

        var result = await CliRun.RunAsync(null, "stats", "--file", c1z);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["TYPE            COUNT", "account         3", "app             3", "entitlements    21", "grants          67", "group           8", "resource_types  4", $"user            {MultiAppDemo.Users}"],
            CliRun.Lines(result.Out));
    }

    [Fact]
    public async Task Capabilities_Json_IsBatonsShapeWithProvisioningOnGroupsAndAccounts()
    {
        var result = await CliRun.RunAsync(null, "capabilities");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("type.googleapis.com/c1.connector.v2.ConnectorCapabilities", root.GetProperty("@type").GetString());
        var byType = root.GetProperty("resourceTypeCapabilities").EnumerateArray().ToDictionary(
            c => c.GetProperty("resourceType").GetProperty("id").GetString()!,
            c => string.Join(",", c.GetProperty("capabilities").EnumerateArray().Select(x => x.GetString())));
        Assert.Equal(["account", "app", "group", "user"], byType.Keys);
        Assert.Equal("CAPABILITY_SYNC,CAPABILITY_PROVISION", byType["account"]);
        Assert.Equal("CAPABILITY_SYNC,CAPABILITY_PROVISION", byType["group"]);
        Assert.Equal("CAPABILITY_SYNC", byType["user"]);
        Assert.Equal("CAPABILITY_SYNC", byType["app"]);
        Assert.Equal(["CAPABILITY_PROVISION", "CAPABILITY_SYNC"], root.GetProperty("connectorCapabilities").EnumerateArray().Select(x => x.GetString()));
    }

    /// <summary>Syncs the demo estate (every app) and exports it: the sync file and its c1z.</summary>
    private async Task<(string File, string C1z)> SyncAndExportDemoAsync()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var file = _temp.File("sync.db");
        var variables = CliRun.Variables(simulator, file);
        variables["BATON_AWS_OKTA_APP_ID"] = "all";
        Assert.Equal(0, (await CliRun.RunAsync(variables, "sync")).ExitCode);
        var c1z = _temp.File("sync.c1z");
        var export = await CliRun.RunAsync(null, "export", "--file", file, "--out", c1z);
        Assert.True(export.ExitCode == 0, export.All);
        return (file, c1z);
    }
}
