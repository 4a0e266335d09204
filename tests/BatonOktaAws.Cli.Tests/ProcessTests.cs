using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;

namespace BatonOktaAws.Cli.Tests;

/// <summary>The real executable as its own process: exit codes as cron and CI see them.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Executable_NoSettings_ExitsWithUsageError2()
    {
        var result = await CliRun.RunProcessAsync(new Dictionary<string, string?>(), "sync", "--file", _temp.File("x.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("baton-okta-aws: error: Missing the Okta domain: pass --domain or set BATON_DOMAIN.", result.Error.Trim());
    }

    [Fact]
    public async Task Executable_SyncAgainstSimulator_ExitsZeroAndAccessReadsTheFile()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var variables = CliRun.Variables(simulator, _temp.File("sync.db")).ToDictionary(kv => kv.Key, kv => (string?)kv.Value);

        var sync = await CliRun.RunProcessAsync(variables, "sync", "--log-format", "json");
        var access = await CliRun.RunProcessAsync(variables, "access", "--output", "json");

        Assert.Equal(0, sync.ExitCode);
        Assert.Equal(0, access.ExitCode);
        Assert.Equal(ExpectedAccess.From(simulator.State), ExpectedAccess.ParseJson(access.Out));
    }
}
