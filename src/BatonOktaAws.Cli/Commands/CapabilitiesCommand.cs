using System.CommandLine;
using BatonOktaAws.Cli.Help;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Cli.Output;
using BatonOktaAws.Core.Baton.Export;

namespace BatonOktaAws.Cli.Commands;

/// <summary><c>baton-okta-aws capabilities</c>: what the connector can do, per resource type, as a Baton connector prints it.</summary>
internal sealed class CapabilitiesCommand : Command, IDocumentedCommand
{
    private readonly CliEnvironment _env;

    public CapabilitiesCommand(CliEnvironment env)
        : base("capabilities", "Print the connector's capabilities as Baton connectors do (JSON): each resource type it syncs, and which of them grant and revoke can provision.")
    {
        _env = env;
        Logging.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, _env, Logging, RunAsync, cancellationToken));
    }

    internal LoggingOptions Logging { get; } = new();

    public IReadOnlyList<HelpExample> Examples { get; } =
    [
        new("The capabilities, as JSON", "baton-okta-aws capabilities"),
    ];

    public IReadOnlyList<int> ExitCodes { get; } = [ExitCode.Success, ExitCode.UsageError];

    private Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        CapabilitiesOutput.Write(_env.Out, ExportedTypes.All);
        return Task.FromResult(ExitCode.Success);
    }
}
