using System.CommandLine;
using BatonOktaAws.Cli.Help;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Cli.Output;
using BatonOktaAws.Core.Iam;
using BatonOktaAws.Core.Iam.Attachment;
using BatonOktaAws.Store;

namespace BatonOktaAws.Cli.Commands;

/// <summary>
/// <c>baton-okta-aws aws-iam import --file sync.db PATH…</c>: attaches IAM exports to a sync already in the file,
/// without calling Okta; replaces what an earlier import attached. The file is changed atomically.
/// </summary>
internal sealed class AwsIamImportCommand : Command, IDocumentedCommand
{
    private readonly CliEnvironment _env;

    public AwsIamImportCommand(CliEnvironment env)
        : base("import", "Attach IAM exports (files or directories) to a sync of the file — the latest, or --sync <id> — without calling Okta; an earlier import is replaced.")
    {
        _env = env;
        Add(File);
        Add(Sync);
        Add(Paths);
        Logging.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, _env, Logging, RunAsync, cancellationToken));
    }

    internal LoggingOptions Logging { get; } = new();
    internal Option<string?> File { get; } = FileOption.Create("Sync file to attach the exports to (default sync.db).");
    internal NumberOption Sync { get; } = SyncIdOption.Create(description: "Attach to this sync of the file (an id from `baton-okta-aws syncs`).");

    internal Argument<string[]> Paths { get; } = new("exports")
    {
        Description = "get-account-authorization-details JSON and credential reports (CSV, or the JSON with base64 Content): files or directories.",
        Arity = ArgumentArity.OneOrMore,
    };

    public IReadOnlyList<HelpExample> Examples { get; } =
    [
        new("Attach last night's exports to the latest sync", "baton-okta-aws aws-iam import --file aws.db /var/lib/aws-exports/"),
        new("Then see what each role can do", "baton-okta-aws roles --file aws.db"),
    ];

    public IReadOnlyList<int> ExitCodes { get; } = [ExitCode.Success, ExitCode.Failure, ExitCode.UsageError];

    private Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var values = context.Values;
        var estate = IamExportLoader.Load(values.Get(Paths) ?? []);
        var paths = new SyncFilePaths(FileOption.Resolve(values, File));
        using var fileLock = SyncFileLock.Acquire(paths);
        using var writer = SyncFileWriter.StartAmend(paths, values.Read(Sync));
        DateTimeOffset startedAt;
        using (var reader = SyncFileReader.Open(paths.Target))
        {
            startedAt = reader.Sync(writer.SyncId).Run.StartedAt;
        }

        IReadOnlyList<Store.Model.WarningRecord> warnings;
        using (var batch = writer.BeginBatch())
        {
            warnings = IamAttachment.Write(batch, estate, writer.Apps(), writer.RolesHandedOut(), startedAt);
            batch.Commit();
        }

        writer.CompleteAmend();
        IamImportOutput.Write(_env.Out, paths.Target, writer.SyncId, estate, warnings);
        return Task.FromResult(ExitCode.Success);
    }
}
