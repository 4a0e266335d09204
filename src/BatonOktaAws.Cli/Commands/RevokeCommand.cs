using System.CommandLine;
using BatonOktaAws.Cli.Help;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Core.Provisioning;

namespace BatonOktaAws.Cli.Commands;

/// <summary><c>baton-okta-aws revoke</c>: remove a grant (group membership or an AWS role).</summary>
internal sealed class RevokeCommand : Command, IDocumentedCommand
{
    private readonly CliEnvironment _env;

    public RevokeCommand(CliEnvironment env)
        : base("revoke", "Revoke a grant, <entitlementId>:<user|group>:<principalId>, e.g. group:00g1abc:member:user:00u2def. Changes Okta only with --provisioning; --dry-run shows the calls.")
    {
        _env = env;
        Add(Grant);
        Shared.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, _env, Shared.Logging, RunAsync, cancellationToken));
    }

    internal ProvisioningCommandOptions Shared { get; } = new();
    internal Option<string?> Grant { get; } = new("--grant") { Description = "The grant id to revoke: <entitlementId>:<user|group>:<principalId>.", HelpName = "grant-id" };

    public IReadOnlyList<HelpExample> Examples { get; } =
    [
        new("See what taking a user out of a group would do", "baton-okta-aws revoke --grant group:00g1abc:member:user:00u2def --dry-run"),
        new("Take an AWS role off a group", "baton-okta-aws revoke --grant account:123456789012:ReadOnly:group:00g2def --provisioning"),
        new("Apply a reviewed change file", "baton-okta-aws revoke --from-file removals.jsonl --provisioning --audit-log audit.jsonl"),
        new("Apply an access review: only rows whose decision is revoke (see the changes first with --dry-run)", "baton-okta-aws revoke --from-file review.csv --provisioning --audit-log audit.jsonl"),
    ];

    public IReadOnlyList<int> ExitCodes { get; } = [ExitCode.Success, ExitCode.Failure, ExitCode.UsageError, ExitCode.Cancelled];

    private Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var values = context.Values;
        var grant = values.Get(Grant);
        return Shared.RunAsync(
            context,
            ChangeAction.Revoke,
            grant is null ? null : () => ChangeParser.Revoke(grant),
            "Say what to revoke: --grant <entitlementId>:<user|group>:<principalId> (e.g. group:00g1abc:member:user:00u2def), or --from-file with a change file or review sheet.",
            cancellationToken);
    }
}
