using System.CommandLine;
using BatonOktaAws.Cli.Help;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Cli.Output;
using BatonOktaAws.Store;

namespace BatonOktaAws.Cli.Commands;

/// <summary><c>baton-okta-aws syncs</c>: the syncs a sync file keeps (id, when, which apps, counts), newest first.</summary>
internal sealed class SyncsCommand : Command, IDocumentedCommand
{
    private readonly CliEnvironment _env;

    public SyncsCommand(CliEnvironment env)
        : base("syncs", "List the syncs the sync file keeps (see sync --keep-syncs): id, start and finish, apps, counts. Older ones are read with --sync <id>.")
    {
        _env = env;
        Add(File);
        Add(Output);
        Logging.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, _env, Logging, RunAsync, cancellationToken));
    }

    internal LoggingOptions Logging { get; } = new();
    internal Option<string?> File { get; } = FileOption.Create("Sync file to read (default sync.db).");
    internal ChoiceOption Output { get; } = new("--output", SyncsOutput.Formats, "table", "table for people, or json (an array of syncs).", "-o");

    public IReadOnlyList<HelpExample> Examples { get; } =
    [
        new("The syncs a file keeps", "baton-okta-aws syncs --file aws.db"),
        new("Then read an older one", "baton-okta-aws access --file aws.db --sync 41"),
    ];

    public IReadOnlyList<int> ExitCodes { get; } = [ExitCode.Success, ExitCode.Failure, ExitCode.UsageError];

    private Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var values = context.Values;
        using var reader = SyncFileReader.Open(FileOption.Resolve(values, File));
        var syncs = reader.Syncs().Select(s => (Run: s, Apps: reader.Sync(s.Id).Apps())).ToList();
        SyncsOutput.Write(_env.Out, reader.Path, syncs, values.Get(Output));
        return Task.FromResult(ExitCode.Success);
    }
}
