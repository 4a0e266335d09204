using System.CommandLine;
using BatonOktaAws.Cli.Help;
using BatonOktaAws.Cli.Logging;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Cli.Output;
using BatonOktaAws.Core.Baton.Export;
using BatonOktaAws.Store;

namespace BatonOktaAws.Cli.Commands;

/// <summary><c>baton-okta-aws export</c>: one sync of the sync file as a c1z, Baton's sync artifact (docs/c1z.md).</summary>
internal sealed class ExportCommand : Command, IDocumentedCommand
{
    public const string DefaultOut = "sync.c1z";

    private readonly CliEnvironment _env;

    public ExportCommand(CliEnvironment env)
        : base("export", "Write a sync of the sync file (the latest, or --sync) as a c1z v1 file that the baton CLI and ConductorOne read; the file is replaced only once it is complete.")
    {
        _env = env;
        Add(File);
        Add(Sync);
        Add(Format);
        Add(Out);
        Add(Force);
        Logging.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, _env, Logging, RunAsync, cancellationToken));
    }

    internal LoggingOptions Logging { get; } = new();
    internal Option<string?> File { get; } = FileOption.Create("Sync file to read (default sync.db).");
    internal NumberOption Sync { get; } = SyncIdOption.Create();
    internal Option<string?> Format { get; } = new("--format") { Description = "The format to write: c1z (Baton's c1z v1, the only one). Default c1z.", HelpName = "c1z" };
    internal Option<string?> Out { get; } = new("--out") { Description = $"The file to write (default {DefaultOut}); an existing file is replaced only if it is a c1z, unless --force.", HelpName = "path" };
    internal Option<bool> Force { get; } = new("--force") { Description = "Replace --out even if it is not a c1z (otherwise refused, so a mistyped path cannot destroy another file)." };

    public IReadOnlyList<HelpExample> Examples { get; } =
    [
        new("The latest sync as a c1z", "baton-okta-aws export --file aws.db --format c1z --out aws.c1z"),
        new("An older sync of the file", "baton-okta-aws export --file aws.db --sync 41 --out aws-41.c1z"),
        new("Then read it with Baton's own CLI", "baton grants --file aws.c1z"),
    ];

    public IReadOnlyList<int> ExitCodes { get; } = [ExitCode.Success, ExitCode.Failure, ExitCode.UsageError, ExitCode.Cancelled];

    private Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var values = context.Values;
        var format = values.Get(Format)?.ToLowerInvariant() ?? "c1z";
        if (format != "c1z")
        {
            throw new UsageException($"{values.SourceOf(Format)} must be c1z (got '{(format.Length > 40 ? format[..40] + "..." : format)}').");
        }

        var file = FileOption.Resolve(values, File);
        var target = C1zTarget.Check(values.Get(Out) ?? DefaultOut, values.Get(Force), file);
        using var reader = SyncFileReader.Open(file);
        var sync = reader.Sync(values.Read(Sync));
        var source = $"sync {sync.SyncId} of {reader.Path}";
        var result = C1zExport.Write(sync, target, context.Env.Time, cancellationToken);
        ExportLog.Written(context.Logger, result.Path, source, result.Grants);
        ExportOutput.Write(_env.Out, result, source, context.Format == LogFormat.Json);
        return Task.FromResult(ExitCode.Success);
    }
}
