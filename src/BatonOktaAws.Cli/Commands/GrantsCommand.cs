using System.CommandLine;
using BatonOktaAws.Cli.Help;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Cli.Output;
using BatonOktaAws.Core.Baton.Export;
using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Cli.Commands;

/// <summary><c>baton-okta-aws grants</c>: the grants of a sync in Baton's model, as <c>baton grants</c> lists them, with what each is held through.</summary>
internal sealed class GrantsCommand : Command, IDocumentedCommand
{
    private readonly CliEnvironment _env;

    public GrantsCommand(CliEnvironment env)
        : base("grants", "List the grants of a sync in Baton's model, as `baton grants` does — all, of one entitlement, or on one resource — with what each is held through (direct, a group, an app), from a sync file or a c1z.")
    {
        _env = env;
        Read.AddTo(this);
        Add(Entitlement);
        Add(Resource);
        Add(ResourceType);
        Logging.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, _env, Logging, RunAsync, cancellationToken));
    }

    internal LoggingOptions Logging { get; } = new();
    internal BatonFileOptions Read { get; } = new();
    internal Option<string?> Entitlement { get; } = new("--entitlement", "-e") { Description = "Only grants of this entitlement, e.g. account:123456789012:Admin or group:00g1abc:member.", HelpName = "entitlement-id" };
    internal Option<string?> Resource { get; } = new("--resource", "-r") { Description = "Only grants of entitlements on this resource: type:id (account:123456789012), or an id with --resource-type.", HelpName = "resource" };
    internal Option<string?> ResourceType { get; } = new("--resource-type", "-t") { Description = "Only grants of entitlements on resources of this type (group, account, app, role); with --resource, the resource's type.", HelpName = "type" };

    public IReadOnlyList<HelpExample> Examples { get; } =
    [
        new("Who holds Admin in an account, and through what", "baton-okta-aws grants --file aws.db -e account:123456789012:Admin"),
        new("Every grant on one AWS account", "baton-okta-aws grants --file aws.db -r account:123456789012"),
        new("Every grant of a c1z, as JSON", "baton-okta-aws grants --file sync.c1z --output json"),
    ];

    public IReadOnlyList<int> ExitCodes { get; } = [ExitCode.Success, ExitCode.Failure, ExitCode.UsageError, ExitCode.NotInSyncFile];

    private Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var values = context.Values;
        var entitlement = values.Get(Entitlement);
        var resourceText = values.Get(Resource);
        var type = values.Get(ResourceType);
        if (entitlement is not null && resourceText is not null)
        {
            throw new UsageException($"Give {values.SourceOf(Entitlement)} or {values.SourceOf(Resource)}, not both (as baton grants).");
        }

        var resource = resourceText is null ? null : ParseResource(values, resourceText, type);
        using var objects = Read.Open(values);
        var lookup = BatonLookup.Load(objects, withEntitlements: true);
        BatonFilterCheck.ResourceType(values, ResourceType, type, lookup, objects);
        if (resource is not null)
        {
            BatonFilterCheck.Resource(values, Resource, resource, lookup, objects);
        }

        if (entitlement is not null)
        {
            BatonFilterCheck.Entitlement(values, Entitlement, entitlement, lookup, objects);
        }

        var grants = objects.Grants(new BatonGrantFilter(type, resource, entitlement)).ToList();
        GrantsOutput.Write(_env.Out, grants, lookup, values.Get(Read.Output));
        return Task.FromResult(ExitCode.Success);
    }

    private BatonResourceId ParseResource(OptionValues values, string text, string? type)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return type is not null
                ? new BatonResourceId(type, text)
                : throw new UsageException($"{values.SourceOf(Resource)} '{text}' needs its type: pass type:id (e.g. account:{text}) or add {ResourceType.Name}.");
        }

        var (ofType, id) = (text[..colon], text[(colon + 1)..]);
        if (ofType.Length == 0 || id.Length == 0 || (type is not null && type != ofType))
        {
            throw new UsageException($"{values.SourceOf(Resource)} must be type:id, e.g. account:123456789012{(type is null ? string.Empty : $", of the type {ResourceType.Name} names ({type})")} (got '{text}').");
        }

        return new BatonResourceId(ofType, id);
    }
}
