using System.CommandLine;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Core.Provisioning;

namespace BatonOktaAws.Cli.Commands;

/// <summary><c>baton-okta-aws revoke</c>: remove a grant (group membership or an AWS role).</summary>
internal sealed class RevokeCommand : Command
{
    private readonly CliEnvironment _env;

    public RevokeCommand(CliEnvironment env)
        : base("revoke", "Revoke a grant, <entitlementId>:<user|group>:<principalId>, e.g. group:00g1abc:member:user:00u2def. Needs --provisioning.")
    {
        _env = env;
        Add(Grant);
        Shared.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, _env, Shared.Logging, RunAsync, cancellationToken));
    }

    internal ProvisioningCommandOptions Shared { get; } = new();
    internal Option<string?> Grant { get; } = new("--grant") { Description = "The grant id to revoke." };

    private Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var grant = context.Parse.GetValue(Grant);
        return Shared.RunAsync(
            context,
            ChangeAction.Revoke,
            () => grant is null ? throw new UsageException("Say what to revoke: --grant <grantId> (or --from-file).") : ChangeParser.Revoke(grant),
            grant is not null,
            cancellationToken);
    }
}
