using System.CommandLine;
using BatonOktaAws.Cli.Help;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Cli.Output;

namespace BatonOktaAws.Cli.Commands;

/// <summary><c>baton-okta-aws entitlements</c>: the entitlements of a sync in Baton's model, as <c>baton entitlements</c> lists them.</summary>
internal sealed class EntitlementsCommand : Command, IDocumentedCommand
{
    private readonly CliEnvironment _env;

    public EntitlementsCommand(CliEnvironment env)
        : base("entitlements", "List the entitlements of a sync in Baton's model (group:<id>:member, account:<accountId>:<role>, app:<appId>:access, role:<roleTypeOrId>:assigned), as `baton entitlements` does, from a sync file or a c1z.")
    {
        _env = env;
        Read.AddTo(this);
        Add(ResourceType);
        Logging.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, _env, Logging, RunAsync, cancellationToken));
    }

    internal LoggingOptions Logging { get; } = new();
    internal BatonFileOptions Read { get; } = new();
    internal Option<string?> ResourceType { get; } = new("--resource-type", "-t") { Description = "Only entitlements on resources of this type (group, account, app, role).", HelpName = "type" };

    public IReadOnlyList<HelpExample> Examples { get; } =
    [
        new("Every role that may be assumed in any account", "baton-okta-aws entitlements --file aws.db -t account"),
        new("Everything, as JSON", "baton-okta-aws entitlements --file sync.c1z --output json"),
    ];

    public IReadOnlyList<int> ExitCodes { get; } = [ExitCode.Success, ExitCode.Failure, ExitCode.UsageError, ExitCode.NotInSyncFile];

    private Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var values = context.Values;
        using var objects = Read.Open(values);
        var lookup = BatonLookup.Load(objects, withEntitlements: false);
        var type = values.Get(ResourceType);
        BatonFilterCheck.ResourceType(values, ResourceType, type, lookup, objects);
        var entitlements = objects.Entitlements(type).ToList();
        EntitlementsOutput.Write(_env.Out, entitlements, lookup, values.Get(Read.Output));
        return Task.FromResult(ExitCode.Success);
    }
}
