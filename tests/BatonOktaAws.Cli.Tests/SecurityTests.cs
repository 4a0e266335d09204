using System.Text;
using BatonOktaAws.TestSupport;
using OktaSimulator;
using OktaSimulator.Fixtures;
using OktaSimulator.Http;

namespace BatonOktaAws.Cli.Tests;

/// <summary>The API token never shows up: not in output, logs at any level, errors, the sync file or the audit log.</summary>
public sealed class SecurityTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();
    private OktaSimulatorServer _simulator = null!;

    public async Task InitializeAsync() => _simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task EveryCommand_AtDebugLevelInBothFormats_NeverPrintsOrStoresTheToken()
    {
        var file = _temp.File("sync.db");
        var audit = _temp.File("audit.jsonl");
        var variables = CliRun.Variables(_simulator, file);
        var outputs = new List<CliResult>();
        foreach (var format in new[] { "console", "json" })
        {
            string[] debug = ["--log-level", "debug", "--log-format", format];
            outputs.Add(await CliRun.RunAsync(variables, ["sync", .. debug]));
            outputs.Add(await CliRun.RunAsync(variables, ["access", "-o", "json", .. debug]));
            outputs.Add(await CliRun.RunAsync(variables, ["grant", "--entitlement", "group:00gdemoawsadmins0001:member", "--principal-type", "user", "--principal", "grace@acme.example", "--dry-run", .. debug]));
            outputs.Add(await CliRun.RunAsync(variables, ["grant", "--entitlement", "account:123456789012:PowerUser", "--principal-type", "user", "--principal", "grace@acme.example", "--provisioning", "--audit-log", audit, .. debug]));
            outputs.Add(await CliRun.RunAsync(variables, ["revoke", "--grant", "account:123456789012:Admin:user:00udemobob0000000002", "--provisioning", .. debug]));
            outputs.Add(await CliRun.RunAsync(new Dictionary<string, string>(variables) { ["BATON_AWS_OKTA_APP_ID"] = "0oanosuchapp" }, ["sync", .. debug]));
            outputs.Add(await CliRun.RunAsync(variables, ["sync", "--api-token", TestSimulator.Token, .. debug]));
        }

        // A wrong token is a secret too.
        const string wrong = "00WRONG-token-Qz81xNbV";
        outputs.Add(await CliRun.RunAsync(new Dictionary<string, string>(variables) { ["BATON_API_TOKEN"] = wrong }, "sync", "--log-level", "debug"));
        _simulator.Faults.Install(new FaultPlan { ServerErrorEvery = 1 });
        outputs.Add(await CliRun.RunAsync(variables, "sync", "--log-level", "debug", "--request-timeout", "1"));

        Assert.Contains(outputs, o => o.ExitCode == 0);
        Assert.Contains(outputs, o => o.ExitCode == 1);
        foreach (var output in outputs)
        {
            Assert.DoesNotContain(TestSimulator.Token, output.All, StringComparison.Ordinal);
            Assert.DoesNotContain(wrong, output.All, StringComparison.Ordinal);
        }

        foreach (var path in Directory.EnumerateFiles(_temp.Path))
        {
            var text = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(path));
            Assert.DoesNotContain(TestSimulator.Token, text, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(audit));
        Assert.True(File.Exists(file));
    }
}
