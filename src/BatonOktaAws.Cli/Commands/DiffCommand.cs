using System.CommandLine;
using BatonOktaAws.Cli.Help;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Cli.Output;
using BatonOktaAws.Core.Review;
using BatonOktaAws.Core.Review.Diff;
using BatonOktaAws.Store;

namespace BatonOktaAws.Cli.Commands;

/// <summary>
/// <c>baton-okta-aws diff</c>: what changed between two syncs — access rows, user statuses, memberships of groups that
/// grant AWS roles, app settings, assignments. From the sync files only.
/// </summary>
internal sealed class DiffCommand : Command, IDocumentedCommand
{
    private readonly CliEnvironment _env;

    public DiffCommand(CliEnvironment env)
        : base("diff", "Show what changed between two syncs: access added and removed, user statuses, memberships of groups that grant AWS roles, app settings, assignments. By default the file's latest sync against the one before it.")
    {
        _env = env;
        Add(File);
        Add(Base);
        Add(From);
        Add(To);
        Add(Output);
        Add(ExitCodeOption);
        Logging.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, _env, Logging, RunAsync, cancellationToken));
    }

    internal LoggingOptions Logging { get; } = new();
    internal Option<string?> File { get; } = FileOption.Create("Sync file to read (default sync.db).");
    internal Option<string?> Base { get; } = new("--base") { Description = "Compare with the latest sync of this other sync file (e.g. last quarter's review).", HelpName = "path" };
    internal NumberOption From { get; } = SyncIdOption.Create("--from", "The older sync of the file to compare (an id from `baton-okta-aws syncs`).");
    internal NumberOption To { get; } = SyncIdOption.Create("--to", "The newer sync of the file to compare.");
    internal ChoiceOption Output { get; } = new("--output", DiffOutput.Formats, "table", "table for people, json (one object with every kind of change) or csv (the access changes).", "-o");
    internal Option<bool> ExitCodeOption { get; } = new("--exit-code") { Description = $"Exit {ExitCode.AccessChanged} when access changed (0 when it did not), for `sync && diff --exit-code || alert` in cron." };

    public IReadOnlyList<HelpExample> Examples { get; } =
    [
        new("What changed since the previous sync", "baton-okta-aws diff --file aws.db"),
        new("Alert from cron when access changed overnight", "baton-okta-aws sync -f aws.db && baton-okta-aws diff -f aws.db --exit-code --output json > changes.json || notify-team changes.json"),
        new("Against last quarter's file", "baton-okta-aws diff --file aws.db --base review-2026-q3.db"),
        new("Between two syncs the file keeps", "baton-okta-aws diff --file aws.db --from 40 --to 42"),
    ];

    public IReadOnlyList<int> ExitCodes { get; } = [ExitCode.Success, ExitCode.Failure, ExitCode.UsageError, ExitCode.AccessChanged];

    /// <summary>The id of the first sync written to a new file.</summary>
    private const long FirstSyncId = 1;

    private Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var values = context.Values;
        var basePath = values.Get(Base);
        var from = values.Read(From);
        if (basePath is not null && from is not null)
        {
            throw new UsageException("Give either --base (another file) or --from (a sync of this file), not both.");
        }

        using var reader = SyncFileReader.Open(FileOption.Resolve(values, File));
        var to = reader.Sync(values.Read(To));
        SyncDiff diff;
        if (basePath is not null)
        {
            using var other = SyncFileReader.Open(basePath);
            diff = SyncComparer.Compare(ReviewSnapshot.Load(other.Latest()), ReviewSnapshot.Load(to));
        }
        else if ((from ?? to.PreviousSyncId) is { } fromId)
        {
            diff = SyncComparer.Compare(ReviewSnapshot.Load(reader.Sync(fromId)), ReviewSnapshot.Load(to));
        }
        else if (to.SyncId == FirstSyncId)
        {
            // The file's very first sync (the first night of a cron job): there is nothing to have changed from. Syncs
            // are numbered on from the file they replace, so a later sync whose predecessors were dropped
            // (--keep-syncs 1) is not mistaken for it and stays an error: silence there would hide every change.
            CliLog.FirstSyncNothingToCompare(context.Logger, reader.Path);
            diff = SyncDiff.FirstSync(to.Run);
        }
        else
        {
            throw new SyncFileException($"{reader.Path} keeps no sync before sync {to.SyncId} to compare with: sync again (the file keeps the last --keep-syncs syncs, default 2; keep at least 2 to diff), or pass --base <other file>.");
        }

        DiffOutput.Write(_env.Out, diff, values.Get(Output));
        return Task.FromResult(values.Get(ExitCodeOption) && diff.AccessChanged ? ExitCode.AccessChanged : ExitCode.Success);
    }
}
