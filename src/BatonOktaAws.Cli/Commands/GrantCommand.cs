using System.CommandLine;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Core.Provisioning;

namespace BatonOktaAws.Cli.Commands;

/// <summary><c>baton-okta-aws grant</c>: give a principal an entitlement (group membership or an AWS role).</summary>
internal sealed class GrantCommand : Command
{
    private readonly CliEnvironment _env;

    public GrantCommand(CliEnvironment env)
        : base("grant", "Grant an entitlement: group:<groupId>:member to a user, or account:<accountId>:<role> to a user or group. Needs --provisioning.")
    {
        _env = env;
        Add(Entitlement);
        Add(PrincipalType);
        Add(Principal);
        Shared.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, _env, Shared.Logging, RunAsync, cancellationToken));
    }

    internal ProvisioningCommandOptions Shared { get; } = new();
    internal Option<string?> Entitlement { get; } = new("--entitlement") { Description = "The entitlement id, e.g. group:00g1abc:member or account:123456789012:Admin." };
    internal Option<string?> PrincipalType { get; } = new("--principal-type") { Description = "user or group." };
    internal Option<string?> Principal { get; } = new("--principal") { Description = "The user (id or login) or group id." };

    private Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parse = context.Parse;
        var given = parse.GetValue(Entitlement) is not null || parse.GetValue(PrincipalType) is not null || parse.GetValue(Principal) is not null;
        return Shared.RunAsync(
            context,
            ChangeAction.Grant,
            () =>
            {
                if (!given)
                {
                    throw new UsageException("Say what to grant: --entitlement, --principal-type and --principal (or --from-file).");
                }

                return ChangeParser.Grant(parse.GetValue(Entitlement), parse.GetValue(PrincipalType), parse.GetValue(Principal));
            },
            given,
            cancellationToken);
    }
}
