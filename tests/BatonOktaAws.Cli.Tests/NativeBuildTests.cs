using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;

namespace BatonOktaAws.Cli.Tests;

/// <summary>
/// The Native AOT build (no JIT, no reflection-based JSON) does what the build the other tests run does: the same
/// sync file, the same answers, the same writes to Okta. Each test compares the native executable with the
/// command line run in-process over the same input.
/// </summary>
public sealed class NativeBuildTests(NativeBuild native) : IClassFixture<NativeBuild>, IDisposable
{
    private const string Admins = "00gdemoawsadmins0001";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Demo_NativeExecutable_SyncsTheBundledOrgAndReadsItAsTheJitBuildDoes()
    {
        var file = _temp.File("demo.db");

        var demo = await RunNativeAsync(new Dictionary<string, string?>(), "demo", "--file", file);
        var access = await CliRun.RunAsync(null, "access", "--file", file, "--output", "json");

        Assert.True(demo.ExitCode == 0, demo.All);
        Assert.Contains("3 AWS apps:", demo.Out, StringComparison.Ordinal);
        Assert.Contains($"{MultiAppDemo.AccessRows} rows, 10 user(s)", demo.Out, StringComparison.Ordinal);
        Assert.Equal(MultiAppDemo.AccessRows, ExpectedAccess.ParseJson(access.Out).Count);
    }

    [Theory]
    [InlineData("access")]
    [InlineData("findings")]
    [InlineData("admins")]
    [InlineData("roles")]
    [InlineData("syncs")]
    [InlineData("diff")]
    [InlineData("resources")]
    [InlineData("entitlements")]
    [InlineData("grants")]
    [InlineData("stats")]
    public async Task ReadCommand_NativeExecutable_PrintsWhatTheJitBuildPrints(string command)
    {
        var file = await DemoFileAsync();

        var jit = await CliRun.RunAsync(null, command, "--file", file, "--output", "json");
        var aot = await RunNativeAsync(new Dictionary<string, string?>(), command, "--file", file, "--output", "json");

        Assert.True(jit.ExitCode == 0, jit.All);
        Assert.Equal((jit.ExitCode, jit.Out), (aot.ExitCode, aot.Out));
    }

    [Fact]
    public async Task ExportAndReport_NativeExecutable_WriteTheFilesTheJitBuildWrites()
    {
        var file = await DemoFileAsync();

        var export = await RunNativeAsync(new Dictionary<string, string?>(), "export", "--file", file, "--out", _temp.File("native.c1z"));
        var report = await RunNativeAsync(new Dictionary<string, string?>(), "report", "--file", file, "--out", _temp.File("native.html"));
        await CliRun.RunAsync(null, "report", "--file", file, "--out", _temp.File("jit.html"));
        var fromC1z = await CliRun.RunAsync(null, "grants", "--file", _temp.File("native.c1z"), "--output", "json");
        var fromSyncFile = await CliRun.RunAsync(null, "grants", "--file", file, "--output", "json");

        Assert.Equal((0, 0), (export.ExitCode, report.ExitCode));
        Assert.Equal(fromSyncFile.Out, fromC1z.Out);
        Assert.Equal(File.ReadAllText(_temp.File("jit.html")), File.ReadAllText(_temp.File("native.html")));
    }

    [Fact]
    public async Task Grant_NativeExecutableWithProvisioning_WritesTheRoleToOkta()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var variables = CliRun.Variables(simulator, _temp.File("sync.db"));
        string[] grant = ["grant", "--entitlement", "account:123456789012:PowerUser", "--principal-type", "group", "--principal", Admins];

        var granted = await RunNativeAsync(variables.ToDictionary(kv => kv.Key, kv => (string?)kv.Value), [.. grant, "--provisioning"]);
        var again = await CliRun.RunAsync(variables, [.. grant, "--dry-run"]);

        Assert.True(granted.ExitCode == 0, granted.All);
        Assert.Contains("line 1: granted: grant account:123456789012:PowerUser to group:" + Admins, granted.Out, StringComparison.Ordinal);
        Assert.Contains("line 1: already-granted:", again.Out, StringComparison.Ordinal);
        Assert.Single(simulator.Requests.Entries, e => e.IsWrite);
    }

    private async Task<string> DemoFileAsync()
    {
        var file = _temp.File("demo.db");
        var demo = await CliRun.RunAsync(null, "demo", "--file", file);
        Assert.True(demo.ExitCode == 0, demo.All);
        return file;
    }

    private Task<CliResult> RunNativeAsync(IReadOnlyDictionary<string, string?> variables, params string[] args) =>
        CliRun.RunExecutableAsync(native.Executable, _temp.Path, variables, args);
}
