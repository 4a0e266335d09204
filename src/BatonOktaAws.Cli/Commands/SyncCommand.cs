using System.CommandLine;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Core.Sync;

namespace BatonOktaAws.Cli.Commands;

/// <summary><c>baton-okta-aws sync</c>: read the org and the AWS app, write the sync file. Also what runs with no subcommand.</summary>
internal sealed class SyncCommand : Command
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
        Add(Resume);
        Add(KeepSyncs);
        Logging.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, _env, Logging, RunAsync, cancellationToken));
    }

    internal ConnectionOptions Connection { get; } = new();
    internal LoggingOptions Logging { get; } = new();
    internal Option<string?> File { get; } = FileOption.Create("Sync file to write (default sync.db); replaced atomically when the sync completes");
    internal Option<bool> SyncAllUsers { get; } = new("--sync-all-users") { Description = "Also list every user of the org, deprovisioned ones included (env BATON_SYNC_ALL_USERS)." };
    internal Option<bool> SkipSecondaryEmails { get; } = new("--skip-secondary-emails") { Description = "Leave users' secondary emails out of the sync file (env BATON_SKIP_SECONDARY_EMAILS)." };
    internal Option<bool> Resume { get; } = new("--resume") { Description = "Continue an interrupted sync of the same file instead of starting over (env BATON_RESUME)." };
    internal Option<int?> KeepSyncs { get; } = new("--keep-syncs") { Description = "How many syncs the file keeps, this one included (default 2; env BATON_KEEP_SYNCS)." };

    private async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parse = context.Parse;
        var connection = Connection.Resolve(parse, _env, context.Logger);
        var keep = EnvironmentFallback.Number(parse, KeepSyncs, _env) ?? 2;
        if (keep is < 1 or > 100)
        {
            throw new UsageException($"--keep-syncs must be between 1 and 100 (got {keep}).");
        }

        var options = new SyncOptions
        {
            Apps = connection.Apps,
            KeepSyncs = keep,
            FilePath = FileOption.Resolve(parse, File, _env),
            SyncAllUsers = EnvironmentFallback.Flag(parse, SyncAllUsers, _env),
            SkipSecondaryEmails = EnvironmentFallback.Flag(parse, SkipSecondaryEmails, _env),
            Resume = EnvironmentFallback.Flag(parse, Resume, _env),
            ToolVersion = CliEnvironment.Version,
        };
        await SyncRunner.RunAsync(context, connection, options, cancellationToken).ConfigureAwait(false);
        return ExitCode.Success;
    }
}
