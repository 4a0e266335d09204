using System.CommandLine;
using BatonOktaAws.Cli.Help;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Baton.Export;
using BatonOktaAws.Core.Sync;

namespace BatonOktaAws.Cli.Commands;

/// <summary><c>baton-okta-aws sync</c>: read the org and the AWS app, write the sync file. Also what runs with no subcommand.</summary>
internal sealed class SyncCommand : Command, IDocumentedCommand
{
    private readonly CliEnvironment _env;

    public SyncCommand(CliEnvironment env)
        : base("sync", "Read users, groups and the AWS app's assignments from Okta and write the sync file (the default command).")
    {
        _env = env;
        Connection.AddTo(this);
        Add(File);
        Add(SyncAllUsers);
        Add(SkipSecondaryEmails);
        Add(SyncCustomRoles);
        Add(Resume);
        Add(Force);
        Add(KeepSyncs);
        Add(AwsIam);
        Add(C1z);
        Logging.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, _env, Logging, RunAsync, cancellationToken));
    }

    internal ConnectionOptions Connection { get; } = new(readsLists: true);
    internal LoggingOptions Logging { get; } = new();
    internal Option<string?> File { get; } = FileOption.Create("Sync file to write (default sync.db); replaced atomically when the sync completes.");
    internal Option<bool> SyncAllUsers { get; } = new("--sync-all-users") { Description = "Also list every user of the org, deprovisioned ones included." };
    internal Option<bool> SkipSecondaryEmails { get; } = new("--skip-secondary-emails") { Description = "Leave users' secondary emails out of the sync file." };
    internal Option<bool> SyncCustomRoles { get; } = new("--sync-custom-roles")
    {
        Description = "Also read custom admin roles and resource sets (their permissions, resources and bindings), so what a custom role can change is known. Default true (a few requests); --sync-custom-roles false to skip.",
        DefaultValueFactory = _ => true,
    };

    internal Option<bool> Resume { get; } = new("--resume") { Description = "Continue an interrupted sync of the same file (its <file>.partial) instead of starting over." };
    internal Option<string[]> AwsIam { get; } = AwsIamOption.Create();
    internal Option<bool> Force { get; } = new("--force") { Description = "Overwrite --file (and --c1z) even if it is not a sync file (a c1z); otherwise refused, so a mistyped path cannot destroy another file." };
    internal NumberOption KeepSyncs { get; } = new("--keep-syncs", 1, 100, 2, "How many syncs the file keeps, this one included (older ones are dropped).");
    internal Option<string?> C1z { get; } = new("--c1z") { Description = "Also write the sync as a c1z (Baton's sync file) at this path when the sync succeeds; replaced only once complete, never on failure.", HelpName = "path" };

    public IReadOnlyList<HelpExample> Examples { get; } =
    [
        new("Every AWS app of the org, with the token in a file", "baton-okta-aws sync --domain acme.okta.com --aws-okta-app-id all --api-token-file ~/.okta-token --file aws.db"),
        new("Two named apps, keeping the last 7 syncs in the file", "baton-okta-aws sync --aws-okta-app-id 0oa1abcd,0oa2efgh --keep-syncs 7 --file aws.db"),
        new("The same from variables, for cron (JSON logs and summary)", "BATON_DOMAIN=acme.okta.com BATON_AWS_OKTA_APP_ID=all BATON_API_TOKEN_FILE=/etc/okta/token baton-okta-aws sync -f /var/lib/aws.db --log-format json"),
        new("Continue after Ctrl-C or a failure", "baton-okta-aws sync --file aws.db --resume"),
        new("With what each role can do in AWS, from IAM's own exports", "baton-okta-aws sync --file aws.db --aws-iam exports/ --aws-iam prod-credential-report.json"),
        new("Also write Baton's c1z for the baton CLI or ConductorOne", "baton-okta-aws sync --aws-okta-app-id all --file aws.db --c1z aws.c1z"),
    ];

    public IReadOnlyList<int> ExitCodes { get; } = [ExitCode.Success, ExitCode.Failure, ExitCode.UsageError, ExitCode.Cancelled];

    private async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var connection = Connection.Resolve(context.Values, context.Logger);
        var options = OptionsFrom(context.Values, connection.Apps);
        // Checked before Okta is asked anything, like the sync file itself.
        var c1z = context.Values.Get(C1z) is { } path ? C1zTarget.Check(path, options.Force, options.FilePath) : null;
        await SyncRunner.RunAsync(context, connection, options, c1z, cancellationToken).ConfigureAwait(false);
        return ExitCode.Success;
    }

    /// <summary>The sync the flags (or their variables) ask for.</summary>
    internal SyncOptions OptionsFrom(OptionValues values, AppSelection apps) => new()
    {
        Apps = apps,
        KeepSyncs = values.Get(KeepSyncs),
        Iam = AwsIamOption.Load(values, AwsIam),
        FilePath = FileOption.Resolve(values, File),
        SyncAllUsers = values.Get(SyncAllUsers),
        SkipSecondaryEmails = values.Get(SkipSecondaryEmails),
        SyncCustomRoles = values.Get(SyncCustomRoles),
        Resume = values.Get(Resume),
        Force = values.Get(Force),
        ToolVersion = CliEnvironment.Version,
    };
}
