using System.CommandLine;
using BatonOktaAws.Cli.Help;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Cli.Output;

namespace BatonOktaAws.Cli.Commands;

/// <summary><c>baton-okta-aws stats</c>: how much a sync holds in Baton's model, as <c>baton stats</c> counts it.</summary>
internal sealed class StatsCommand : Command, IDocumentedCommand
{
    private readonly CliEnvironment _env;

    public StatsCommand(CliEnvironment env)
        : base("stats", "Count what a sync holds in Baton's model (resource types, resources of each type, entitlements, grants), as `baton stats` does, from a sync file or a c1z.")
    {
        _env = env;
        Read.AddTo(this);
        Logging.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, _env, Logging, RunAsync, cancellationToken));
    }

    internal LoggingOptions Logging { get; } = new();
    internal BatonFileOptions Read { get; } = new();

    public IReadOnlyList<HelpExample> Examples { get; } =
    [
        new("Counts of the latest sync", "baton-okta-aws stats --file aws.db"),
        new("Counts of a c1z, as JSON", "baton-okta-aws stats --file sync.c1z --output json"),
    ];

    public IReadOnlyList<int> ExitCodes { get; } = [ExitCode.Success, ExitCode.Failure, ExitCode.UsageError];

    private Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        using var objects = Read.Open(context.Values);
        StatsOutput.Write(_env.Out, objects.Stats(), context.Values.Get(Read.Output));
        return Task.FromResult(ExitCode.Success);
    }
}
