using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using BatonOktaAws.Cli.Commands;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;

namespace BatonOktaAws.Cli.Tests;

/// <summary>Every flag of every command may come from BATON_&lt;FLAG&gt;, through one mechanism, and help says so.</summary>
public sealed class EnvironmentVariableTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string> EveryOption()
    {
        var data = new TheoryData<string, string>();
        var root = Root();
        foreach (var (command, option) in EnvironmentFallback.AllOptions(root).Where(p => p.Command is not RootCommand))
        {
            data.Add(PathOf(root, command)!, option.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryOption))]
    public void Option_FromItsVariable_ResolvesToWhatTheFlagGives(string commandName, string optionName)
    {
        var (flagArgs, variableText) = Probe(Find(Root(), commandName, optionName));
        var variable = "BATON_" + optionName.TrimStart('-').Replace('-', '_').ToUpperInvariant();

        var fromFlag = Resolve(commandName, optionName, [.. commandName.Split(' '), .. flagArgs], []);
        var fromVariable = Resolve(commandName, optionName, commandName.Split(' '), new() { [variable] = variableText });
        var fromNeither = Resolve(commandName, optionName, commandName.Split(' '), []);

        Assert.Equal(fromFlag, fromVariable);
        Assert.NotEqual(fromNeither, fromVariable);
    }

    [Theory]
    [MemberData(nameof(EveryOption))]
    public void Option_FlagAndVariableBothGiven_TheFlagWins(string commandName, string optionName)
    {
        var option = Find(Root(), commandName, optionName);
        var (flagArgs, variableText) = Probe(option);
        var variable = "BATON_" + optionName.TrimStart('-').Replace('-', '_').ToUpperInvariant();
        var other = option switch
        {
            Option<bool> => DefaultsToTrue(option) ? "true" : "false",
            NumberOption n => n.Min.ToString(CultureInfo.InvariantCulture),
            ChoiceOption c => c.Allowed[0],
            _ => "other value",
        };

        var both = Resolve(commandName, optionName, [.. commandName.Split(' '), .. flagArgs], new() { [variable] = other });
        var flagOnly = Resolve(commandName, optionName, [.. commandName.Split(' '), .. flagArgs], []);

        Assert.Equal(flagOnly, both);
        Assert.NotEqual(variableText, other);
    }

    [Theory]
    [InlineData("sync")]
    [InlineData("access")]
    [InlineData("demo")]
    [InlineData("grant")]
    [InlineData("revoke")]
    [InlineData("syncs")]
    [InlineData("diff")]
    [InlineData("findings")]
    [InlineData("report")]
    [InlineData("roles")]
    [InlineData("aws-iam import")]
    public async Task Help_EveryCommand_ShowsEachOptionsVariableExamplesAndExitCodes(string commandName)
    {
        var result = await CliRun.RunAsync(null, [.. commandName.Split(' '), "--help"]);

        Assert.Equal(0, result.ExitCode);
        var command = commandName.Split(' ').Aggregate((Command)Root(), (c, name) => c.Subcommands.Single(s => s.Name == name));
        foreach (var option in command.Options.Where(o => o.Name != "--help"))
        {
            Assert.Contains($"[env: {EnvironmentFallback.VariableFor(option)}]", result.Out, StringComparison.Ordinal);
        }

        Assert.Contains("Examples:\n", result.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"  baton-okta-aws {commandName}", result.Out, StringComparison.Ordinal);
        Assert.Contains("Exit codes:\n  0    success", result.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  2    usage error", result.Out, StringComparison.Ordinal);
        foreach (var code in ((Help.IDocumentedCommand)command).ExitCodes)
        {
            Assert.Contains($"  {code,-4} {ExitCode.Meaning(code)}", result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Access_OutputAndFiltersFromVariables_PrintWhatTheFlagsPrint()
    {
        var file = await SyncDemoAsync();

        var fromFlags = await CliRun.RunAsync(null, "access", "--file", file, "--output", "csv", "--role", "Admin", "--account", "123456789012", "--user", "bob@acme.example");
        var fromVariables = await CliRun.RunAsync(
            new Dictionary<string, string>
            {
                ["BATON_FILE"] = file,
                ["BATON_OUTPUT"] = "csv",
                ["BATON_ROLE"] = "Admin",
                ["BATON_ACCOUNT"] = "123456789012",
                ["BATON_USER"] = "bob@acme.example",
            },
            "access");

        Assert.Equal((0, 0), (fromFlags.ExitCode, fromVariables.ExitCode));
        Assert.StartsWith("userId,login,status,appId,appLabel,accountId,role,source", fromVariables.Out, StringComparison.Ordinal);
        Assert.Equal(fromFlags.Out, fromVariables.Out);
    }

    [Fact]
    public async Task Grant_ChangeAndSwitchesFromVariables_IsPlannedLikeTheFlags()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var variables = CliRun.Variables(simulator, _temp.File("sync.db"));
        variables["BATON_ENTITLEMENT"] = "group:00gdemoawsadmins0001:member";
        variables["BATON_PRINCIPAL_TYPE"] = "user";
        variables["BATON_PRINCIPAL"] = "grace@acme.example";
        variables["BATON_DRY_RUN"] = "true";
        variables["BATON_OUTPUT"] = "json";

        var result = await CliRun.RunAsync(variables, "grant");

        Assert.Equal(0, result.ExitCode);
        using var line = JsonDocument.Parse(result.Out);
        Assert.Equal("planned", line.RootElement.GetProperty("result").GetString());
        Assert.Equal("user:grace@acme.example", line.RootElement.GetProperty("principal").GetString());
        Assert.DoesNotContain(simulator.Requests.Entries, e => e.IsWrite);
    }

    [Fact]
    public async Task Revoke_GrantFromVariable_IsPlanned()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var variables = CliRun.Variables(simulator, _temp.File("sync.db"));
        variables["BATON_GRANT"] = "group:00gdemoawsadmins0001:member:user:00udemobob0000000002";

        var result = await CliRun.RunAsync(variables, "revoke", "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("line 1: planned: revoke group:00gdemoawsadmins0001:member from user:00udemobob0000000002", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BATON_CONCURRENCY", "0", "BATON_CONCURRENCY must be between 1 and 64 (got 0).")]
    [InlineData("BATON_REQUEST_TIMEOUT", "soon", "BATON_REQUEST_TIMEOUT must be a whole number from 1 to 600 (got 'soon').")]
    [InlineData("BATON_LOG_LEVEL", "chatty", "BATON_LOG_LEVEL must be debug, info, warn or error (got 'chatty').")]
    [InlineData("BATON_DOMAIN", "http://acme.okta.com", "BATON_DOMAIN: 'http://acme.okta.com' uses plain http")]
    public async Task Sync_BadVariable_IsAUsageErrorNamingTheVariable(string variable, string value, string message)
    {
        var variables = new Dictionary<string, string>
        {
            ["BATON_DOMAIN"] = "acme.okta.com",
            ["BATON_API_TOKEN"] = TestSimulator.Token,
            ["BATON_AWS_OKTA_APP_ID"] = "0oaaws",
            ["BATON_FILE"] = _temp.File("x.db"),
            [variable] = value,
        };

        var result = await CliRun.RunAsync(variables, "sync");

        Assert.Equal(ExitCode.UsageError, result.ExitCode);
        Assert.Contains(message, Assert.Single(CliRun.Lines(result.Error)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "sync", "--force" }, null)]
    [InlineData(new[] { "sync" }, "true")]
    public void SyncOptions_ForceFromTheFlagOrItsVariable_ReachesTheEngine(string[] args, string? variable)
    {
        var root = Root();
        var parse = root.Parse(args);
        var values = new OptionValues(parse, name => name == "BATON_FORCE" ? variable : null);

        var options = root.Sync.OptionsFrom(values, BatonOktaAws.Core.Aws.AppSelection.Parse("0oaapp"));

        Assert.True(options.Force);
        Assert.False(root.Sync.OptionsFrom(new OptionValues(root.Parse(["sync"]), _ => null), BatonOktaAws.Core.Aws.AppSelection.Parse("0oaapp")).Force);
    }

    private static BatonRootCommand Root() => CliApplication.BuildRoot(new CliEnvironment(_ => null, TextWriter.Null, TextWriter.Null, false, TimeProvider.System));

    /// <summary>An option of a command named by its path under the root ("sync", "aws-iam import").</summary>
    private static Option Find(Command root, string commandPath, string optionName) =>
        commandPath.Split(' ').Aggregate(root, (command, name) => command.Subcommands.Single(c => c.Name == name)).Options.Single(o => o.Name == optionName);

    /// <summary>The command's path under <paramref name="parent"/> ("import" under aws-iam gives "aws-iam import"), or null.</summary>
    private static string? PathOf(Command parent, Command command)
    {
        foreach (var child in parent.Subcommands)
        {
            if (child == command)
            {
                return child.Name;
            }

            if (PathOf(child, command) is { } rest)
            {
                return $"{child.Name} {rest}";
            }
        }

        return null;
    }

    /// <summary>A value for the option other than its default: the flag's arguments and the same as variable text.</summary>
    private static (string[] FlagArgs, string VariableText) Probe(Option option) => option switch
    {
        Option<bool> when DefaultsToTrue(option) => ([option.Name, "false"], "false"),
        Option<bool> => ([option.Name], "true"),
        NumberOption number => ([option.Name, (number.Max - 1).ToString(CultureInfo.InvariantCulture)], (number.Max - 1).ToString(CultureInfo.InvariantCulture)),
        ChoiceOption choice => ([option.Name, choice.Allowed[^1]], choice.Allowed[^1].ToUpperInvariant()),
        Option<string[]> => ([option.Name, "probe one", option.Name, "probe two"], $" probe one {Path.PathSeparator}probe two"),
        _ => ([option.Name, "probe value"], " probe value "),
    };

    /// <summary>A flag that is on unless turned off (<c>--sync-custom-roles</c>): probed with <c>false</c>.</summary>
    private static bool DefaultsToTrue(Option option) => option.HasDefaultValue && option.GetDefaultValue() is true;

    /// <summary>What the command would read for the option, through the one mechanism commands use.</summary>
    private static string? Resolve(string commandName, string optionName, string[] args, Dictionary<string, string> variables)
    {
        var root = Root();
        var command = commandName.Split(' ').Aggregate((Command)root, (c, name) => c.Subcommands.Single(s => s.Name == name));
        var parse = root.Parse([.. args, .. command.Arguments.Where(a => a.Arity.MinimumNumberOfValues > 0).Select(_ => "argument")]);
        Assert.Empty(parse.Errors);
        var values = new OptionValues(parse, name => variables.GetValueOrDefault(name));
        var option = Find(root, commandName, optionName);
        return option switch
        {
            Option<bool> flag => values.Get(flag).ToString(),
            NumberOption number => values.Get(number).ToString(CultureInfo.InvariantCulture),
            ChoiceOption choice => values.Get(choice),
            Option<string?> text => values.Get(text),
            Option<string[]> list => string.Join(Path.PathSeparator, values.Get(list) ?? []),
            _ => throw new InvalidOperationException($"{optionName} has a type the test does not know"),
        };
    }

    private async Task<string> SyncDemoAsync()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var file = _temp.File("demo-sync.db");
        Assert.Equal(0, (await CliRun.RunAsync(CliRun.Variables(simulator, file), "sync")).ExitCode);
        return file;
    }
}
