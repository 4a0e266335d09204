using System.CommandLine;
using BatonOktaAws.Cli.Help;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Cli.Output;

namespace BatonOktaAws.Cli.Commands;

/// <summary><c>baton-okta-aws resources</c>: the resources of a sync in Baton's model, as <c>baton resources</c> lists them.</summary>
internal sealed class ResourcesCommand : Command, IDocumentedCommand
{
    private readonly CliEnvironment _env;

    public ResourcesCommand(CliEnvironment env)
        : base("resources", "List the resources of a sync in Baton's model (users, groups, AWS accounts, AWS apps, Okta admin roles), as `baton resources` does, from a sync file or a c1z.")
    {
        _env = env;
        Read.AddTo(this);
        Add(ResourceType);
        Logging.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, _env, Logging, RunAsync, cancellationToken));
    }

    internal LoggingOptions Logging { get; } = new();
    internal BatonFileOptions Read { get; } = new();
    internal Option<string?> ResourceType { get; } = new("--resource-type", "-t") { Description = "Only resources of this type (user, group, account, app, role).", HelpName = "type" };

    public IReadOnlyList<HelpExample> Examples { get; } =
    [
        new("Every resource of the latest sync", "baton-okta-aws resources --file aws.db"),
        new("The AWS accounts, as JSON", "baton-okta-aws resources --file aws.db -t account --output json"),
        new("The users of a c1z (ours or any Baton connector's)", "baton-okta-aws resources --file sync.c1z -t user"),
    ];

    public IReadOnlyList<int> ExitCodes { get; } = [ExitCode.Success, ExitCode.Failure, ExitCode.UsageError, ExitCode.NotInSyncFile];

    private Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var values = context.Values;
        using var objects = Read.Open(values);
        var lookup = BatonLookup.Load(objects, withEntitlements: false);
        var type = values.Get(ResourceType);
        BatonFilterCheck.ResourceType(values, ResourceType, type, lookup, objects);
        var resources = objects.Resources(type).ToList();
        ResourcesOutput.Write(_env.Out, resources, lookup, values.Get(Read.Output));
        return Task.FromResult(ExitCode.Success);
    }
}
