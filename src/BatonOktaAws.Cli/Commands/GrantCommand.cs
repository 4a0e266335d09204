using System.CommandLine;
using BatonOktaAws.Cli.Help;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Core.Provisioning;

namespace BatonOktaAws.Cli.Commands;

/// <summary><c>baton-okta-aws grant</c>: give a principal an entitlement (group membership or an AWS role).</summary>
internal sealed class GrantCommand : Command, IDocumentedCommand
{
    private readonly CliEnvironment _env;

    public GrantCommand(CliEnvironment env)
        : base("grant", "Grant an entitlement: group:<groupId>:member to a user, or account:<accountId>:<role> to a user or group. Changes Okta only with --provisioning; --dry-run shows the calls.")
    {
        _env = env;
        Add(Entitlement);
        Add(PrincipalType);
        Add(Principal);
        Shared.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, _env, Shared.Logging, RunAsync, cancellationToken));
    }

    internal ProvisioningCommandOptions Shared { get; } = new();
    internal Option<string?> Entitlement { get; } = new("--entitlement") { Description = "The entitlement id: group:<groupId>:member or account:<accountId>:<role>.", HelpName = "entitlement-id" };
    internal Option<string?> PrincipalType { get; } = new("--principal-type") { Description = "user or group.", HelpName = "user|group" };
    internal Option<string?> Principal { get; } = new("--principal") { Description = "The user (id or full login) or group id.", HelpName = "id-or-login" };

    public IReadOnlyList<HelpExample> Examples { get; } =
    [
        new("See what adding a user to a group would do", "baton-okta-aws grant --entitlement group:00g1abc:member --principal-type user --principal alice@acme.com --dry-run"),
        new("Give a group an AWS role", "baton-okta-aws grant --entitlement account:123456789012:ReadOnly --principal-type group --principal 00g2def --provisioning"),
        new("Apply a reviewed change file, JSON results and an audit log", "baton-okta-aws grant --from-file changes.csv --provisioning --output json --audit-log audit.jsonl"),
    ];

    public IReadOnlyList<int> ExitCodes { get; } = [ExitCode.Success, ExitCode.Failure, ExitCode.UsageError, ExitCode.Cancelled];

    private Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var values = context.Values;
        Option<string?>[] parts = [Entitlement, PrincipalType, Principal];
        var given = parts.Any(values.IsGiven);
        var missing = parts.Where(p => !values.IsGiven(p)).Select(p => p.Name).ToList();
        var describe = missing.Count == parts.Length
            ? "Say what to grant: --entitlement (group:<groupId>:member or account:<accountId>:<role>), --principal-type (user or group) and --principal (an id or login), or --from-file with a change file."
            : $"To describe the grant, also give {string.Join(" and ", missing)}.";
        return Shared.RunAsync(
            context,
            ChangeAction.Grant,
            given
                ? () => missing.Count > 0
                    ? throw new UsageException(describe)
                    : ChangeParser.Grant(values.Get(Entitlement), values.Get(PrincipalType), values.Get(Principal))
                : null,
            describe,
            cancellationToken);
    }
}
