using System.CommandLine;
using BatonOktaAws.Cli.Help;

namespace BatonOktaAws.Cli.Commands;

/// <summary>The root: its subcommands, and (for Baton's one-shot flags and no subcommand) what ArgumentRewriter maps.</summary>
internal sealed class BatonRootCommand : RootCommand, IDocumentedCommand
{
    public BatonRootCommand(CliEnvironment env)
        : base(
            "baton-okta-aws: sync who can assume which AWS role through Okta's Amazon Web Services app into a SQLite file, " +
            "answer access reviews from it, and grant or revoke that access. With no command, runs sync.")
    {
        Sync = new SyncCommand(env);
        Access = new AccessCommand(env);
        Demo = new DemoCommand(env);
        Grant = new GrantCommand(env);
        Revoke = new RevokeCommand(env);
        Syncs = new SyncsCommand(env);
        Diff = new DiffCommand(env);
        Findings = new FindingsCommand(env);
        Report = new ReportCommand(env);
        AwsIam = new AwsIamCommand(env);
        Roles = new RolesCommand(env);
        Export = new ExportCommand(env);
        Resources = new ResourcesCommand(env);
        Entitlements = new EntitlementsCommand(env);
        Grants = new GrantsCommand(env);
        Stats = new StatsCommand(env);
        Capabilities = new CapabilitiesCommand(env);
        Config = new ConfigCommand(env);
        Admins = new AdminsCommand(env);
        Add(Sync);
        Add(Access);
        Add(Syncs);
        Add(Diff);
        Add(Findings);
        Add(Report);
        Add(Roles);
        Add(AwsIam);
        Add(Admins);
        Add(Demo);
        Add(Grant);
        Add(Revoke);
        Add(Export);
        Add(Resources);
        Add(Entitlements);
        Add(Grants);
        Add(Stats);
        Add(Capabilities);
        Add(Config);
    }

    internal SyncCommand Sync { get; }
    internal AccessCommand Access { get; }
    internal DemoCommand Demo { get; }
    internal GrantCommand Grant { get; }
    internal RevokeCommand Revoke { get; }
    internal SyncsCommand Syncs { get; }
    internal DiffCommand Diff { get; }
    internal FindingsCommand Findings { get; }
    internal ReportCommand Report { get; }
    internal AwsIamCommand AwsIam { get; }
    internal RolesCommand Roles { get; }
    internal ExportCommand Export { get; }
    internal ResourcesCommand Resources { get; }
    internal EntitlementsCommand Entitlements { get; }
    internal GrantsCommand Grants { get; }
    internal StatsCommand Stats { get; }
    internal CapabilitiesCommand Capabilities { get; }
    internal ConfigCommand Config { get; }
    internal AdminsCommand Admins { get; }

    public IReadOnlyList<HelpExample> Examples { get; } =
    [
        new("Try it against the bundled simulated org", "baton-okta-aws demo"),
        new("Sync every AWS app of your org (token in BATON_API_TOKEN)", "baton-okta-aws sync --domain acme.okta.com --aws-okta-app-id all --file aws.db"),
        new("Who can assume Admin in an account", "baton-okta-aws access --file aws.db --account 123456789012 --role Admin"),
        new("What changed since the previous sync", "baton-okta-aws diff --file aws.db"),
        new("What a reviewer should look at", "baton-okta-aws findings --file aws.db"),
        new("The review document and the sheet for decisions", "baton-okta-aws report --file aws.db --out review.html && baton-okta-aws report --file aws.db --out review.csv"),
        new("The sync as Baton's c1z, then its grants as baton lists them", "baton-okta-aws export --file aws.db --out aws.c1z && baton-okta-aws grants --file aws.c1z"),
        new("Who can change that access through Okta admin roles", "baton-okta-aws admins --file aws.db"),
        new("Baton's one-shot form of grant", "baton-okta-aws --grant-entitlement group:00g1abc:member --grant-principal-type user --grant-principal alice@acme.com --dry-run"),
    ];

    public IReadOnlyList<int> ExitCodes { get; } = [ExitCode.Success, ExitCode.Failure, ExitCode.UsageError, ExitCode.NotInSyncFile, ExitCode.AccessChanged, ExitCode.FindingsAtOrAbove, ExitCode.Cancelled];
}
