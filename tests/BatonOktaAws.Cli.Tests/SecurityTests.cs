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

    [Theory]
    [InlineData("sync", "--api-tokn", "{token}")]
    [InlineData("sync", "--api-tokn={token}")]
    [InlineData("sync", "--api-tokn:{token}")]
    [InlineData("sync", "--Api-Token", "{token}", "--concurrency", "abc")]
    [InlineData("grant", "--dry-run", "-api-token", "{token}", "extra")]
    [InlineData("--api-tokn", "{token}")]
    public async Task ParseError_MistypedTokenFlag_NamesTheFlagButNeverTheValue(params string[] template)
    {
        var args = template.Select(a => a.Replace("{token}", TestSimulator.Token, StringComparison.Ordinal)).ToArray();

        foreach (var format in new[] { "console", "json" })
        {
            var result = await CliRun.RunAsync(new Dictionary<string, string> { ["BATON_LOG_FORMAT"] = format }, args);

            Assert.Equal(ExitCode.UsageError, result.ExitCode);
            Assert.Contains("Unknown option ", result.Error, StringComparison.Ordinal);
            Assert.Contains(" not shown", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(TestSimulator.Token, result.All, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("sync", "--api-token", "SSWS", "{token}")]
    [InlineData("sync", "--force", "{token}")]
    [InlineData("access", "--user", "alice", "{token}")]
    public async Task ParseError_StrayWordAfterAFlag_IsNeverShown(params string[] template)
    {
        var args = template.Select(a => a.Replace("{token}", TestSimulator.Token, StringComparison.Ordinal)).ToArray();

        var result = await CliRun.RunAsync(null, args);

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Matches("Unexpected argument for |the word after it is neither \\(not shown\\)", result.Error);
        Assert.DoesNotContain(TestSimulator.Token, result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseError_NearMiss_SuggestsTheRealFlag()
    {
        var result = await CliRun.RunAsync(null, "sync", "--api-tokn", TestSimulator.Token);

        Assert.Equal(
            "baton-okta-aws: error: Unknown option --api-tokn for sync (did you mean --api-token?); the value given with it is not shown. See 'baton-okta-aws sync --help'.",
            Assert.Single(CliRun.Lines(result.Error)));
    }

    [Fact]
    public async Task HelpAndEveryErrorPath_AtEveryLogLevelAndFormat_NeverPrintTheToken()
    {
        var file = _temp.File("sync.db");
        var tokenFile = _temp.File("token");
        await File.WriteAllTextAsync(tokenFile, TestSimulator.Token);
        var good = CliRun.Variables(_simulator, file);
        var invocations = new List<(Dictionary<string, string> Variables, string[] Args)>
        {
            (good, ["sync", "--help"]),
            (good, ["grant", "--help"]),
            (good, ["--help"]),
            (new(good) { ["BATON_DOMAIN"] = "" }, ["sync"]),
            (new(good) { ["BATON_DOMAIN"] = "http://acme.okta.com" }, ["sync"]),
            (new(good) { ["BATON_AWS_OKTA_APP_ID"] = "0oanosuchapp" }, ["sync"]),
            (new(good) { ["BATON_AWS_OKTA_APP_ID"] = "0oademobookmark00002" }, ["sync"]),
            (new(good) { ["BATON_API_TOKEN_FILE"] = tokenFile }, ["sync"]),
            (good, ["sync", "--api-token-file", tokenFile, "--api-token", TestSimulator.Token]),
            (good, ["sync", "--api-token", TestSimulator.Token + " with space"]),
            (good, ["sync", "--concurrency", "0"]),
            (good, ["access", "--file", _temp.Path]),
            (good, ["access", "--user", "nobody"]),
            (good, ["grant", "--entitlement", "group:00gdemoawsadmins0001:member", "--principal-type", "user", "--principal", "nobody@acme.example", "--dry-run"]),
            (good, ["grant", "--entitlement", "group:00gdemoawsadmins0001:member", "--principal-type", "user", "--principal", "grace@acme.example"]),
            (good, ["revoke", "--grant", "account:123456789012:Admin:user:00udemobob0000000002", "--provisioning"]),
            (good, ["grant", "--from-file", "/no/such/file", "--provisioning"]),
        };
        Assert.Equal(0, (await CliRun.RunAsync(good, "sync")).ExitCode);

        var outputs = new List<CliResult>();
        foreach (var level in new[] { "debug", "info", "warn", "error" })
        {
            foreach (var format in new[] { "console", "json" })
            {
                foreach (var (variables, args) in invocations)
                {
                    outputs.Add(await CliRun.RunAsync(new Dictionary<string, string>(variables) { ["BATON_LOG_LEVEL"] = level, ["BATON_LOG_FORMAT"] = format }, args));
                }
            }
        }

        Assert.Contains(outputs, o => o.ExitCode == ExitCode.UsageError);
        Assert.Contains(outputs, o => o.ExitCode == ExitCode.Failure);
        Assert.Contains(outputs, o => o.ExitCode == ExitCode.NotInSyncFile);
        Assert.Contains(outputs, o => o.Out.Contains("Exit codes:", StringComparison.Ordinal));
        Assert.All(outputs, o => Assert.DoesNotContain(TestSimulator.Token, o.All, StringComparison.Ordinal));
    }
}
