using System.CommandLine;
using BatonOktaAws.Cli.Help;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Cli.Output;

namespace BatonOktaAws.Cli.Commands;

/// <summary><c>baton-okta-aws config</c>: the configuration schema, generated from the command tree, as a Baton connector prints it.</summary>
internal sealed class ConfigCommand : Command, IDocumentedCommand
{
    private readonly CliEnvironment _env;

    public ConfigCommand(CliEnvironment env)
        : base("config", "Print the configuration schema as JSON: every flag of every command with its BATON_ variable, whether it is required or secret, its type, default and allowed values (Baton's config schema shape; sync's fields at the top).")
    {
        _env = env;
        Logging.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, _env, Logging, (context, token) => RunAsync(parse, token), cancellationToken));
    }

    internal LoggingOptions Logging { get; } = new();

    public IReadOnlyList<HelpExample> Examples { get; } =
    [
        new("The schema, as JSON", "baton-okta-aws config"),
        new("Every variable sync reads", "baton-okta-aws config | jq -r '.fields[].envVar'"),
    ];

    public IReadOnlyList<int> ExitCodes { get; } = [ExitCode.Success, ExitCode.UsageError];

    private Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        ConfigSchemaOutput.Write(_env.Out, parse.RootCommandResult.Command, defaultCommand: "sync");
        return Task.FromResult(ExitCode.Success);
    }
}
