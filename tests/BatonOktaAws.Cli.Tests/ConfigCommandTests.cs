using System.Text.Json;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.TestSupport;

namespace BatonOktaAws.Cli.Tests;

/// <summary><c>config</c>: the schema comes from the command tree, and says what the commands themselves enforce.</summary>
public sealed class ConfigCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Config_EveryCommand_ListsEachOfItsFlagsWithItsVariable()
    {
        using var schema = await SchemaAsync();
        var root = CliApplication.BuildRoot(new CliEnvironment(_ => null, TextWriter.Null, TextWriter.Null, false, TimeProvider.System));

        var commands = schema.RootElement.GetProperty("commands").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(root.Subcommands.SelectMany(c => c.Subcommands.Count == 0 ? [c.Name] : c.Subcommands.Select(s => $"{c.Name} {s.Name}")).Order(StringComparer.Ordinal), commands.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("aws-iam import", commands.Keys);
        foreach (var (command, option) in EnvironmentFallback.AllOptions(root).Where(p => p.Command != root))
        {
            var name = command.Parents.OfType<System.CommandLine.Command>().FirstOrDefault() is { } parent && parent != root ? $"{parent.Name} {command.Name}" : command.Name;
            var field = Assert.Single(commands[name].GetProperty("fields").EnumerateArray(), f => f.GetProperty("flag").GetString() == option.Name);
            Assert.Equal(option.Name.TrimStart('-'), field.GetProperty("name").GetString());
            Assert.Equal(EnvironmentFallback.VariableFor(option), field.GetProperty("envVar").GetString());
            Assert.DoesNotContain("[env:", field.GetProperty("description").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(
            commands["sync"].GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()),
            schema.RootElement.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Config_Sync_MarksTheTokenSecretAndWhatMustBeGiven()
    {
        using var schema = await SchemaAsync();

        var fields = schema.RootElement.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.Equal(["aws-okta-app-id", "domain"], fields.Where(f => f.Value.GetProperty("isRequired").GetBoolean()).Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["api-token"], fields.Where(f => f.Value.GetProperty("isSecret").GetBoolean()).Select(f => f.Key));
        Assert.Equal("8", fields["concurrency"].GetProperty("intField").GetProperty("defaultValue").GetString());
        Assert.Equal(["debug", "info", "warn", "error"], fields["log-level"].GetProperty("stringField").GetProperty("rules").GetProperty("in").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(
            ["CONSTRAINT_KIND_AT_LEAST_ONE api-token,api-token-file", "CONSTRAINT_KIND_MUTUALLY_EXCLUSIVE api-token,api-token-file"],
            schema.RootElement.GetProperty("constraints").EnumerateArray().Select(c => $"{c.GetProperty("kind").GetString()} {string.Join(",", c.GetProperty("fieldNames").EnumerateArray().Select(n => n.GetString()))}"));
    }

    /// <summary>What the schema calls required is what sync refuses to run without: each one left out is a usage error naming it.</summary>
    [Theory]
    [InlineData("BATON_DOMAIN", "Missing the Okta domain: pass --domain or set BATON_DOMAIN.")]
    [InlineData("BATON_AWS_OKTA_APP_ID", "Missing the AWS apps ('all' or app ids): pass --aws-okta-app-id or set BATON_AWS_OKTA_APP_ID.")]
    [InlineData("BATON_API_TOKEN", "Missing the Okta API token: set BATON_API_TOKEN or pass --api-token-file (or --api-token).")]
    public async Task Config_RequiredSyncSettings_AreThoseSyncCannotRunWithout(string left, string message)
    {
        var variables = new Dictionary<string, string>
        {
            ["BATON_DOMAIN"] = "acme.okta.com",
            ["BATON_API_TOKEN"] = TestSimulator.Token,
            ["BATON_AWS_OKTA_APP_ID"] = "all",
            ["BATON_FILE"] = _temp.File("sync.db"),
        };
        variables.Remove(left);

        var result = await CliRun.RunAsync(variables, "sync");

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Equal($"baton-okta-aws: error: {message}", Assert.Single(CliRun.Lines(result.Error)));
    }

    private static async Task<JsonDocument> SchemaAsync()
    {
        var result = await CliRun.RunAsync(null, "config");
        Assert.Equal(0, result.ExitCode);
        return JsonDocument.Parse(result.Out);
    }
}
