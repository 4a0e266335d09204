using System.CommandLine;
using BatonOktaAws.Cli.Help;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Cli.Output;
using BatonOktaAws.Core.Review;
using BatonOktaAws.Core.Review.Findings;
using BatonOktaAws.Store;

namespace BatonOktaAws.Cli.Commands;

/// <summary><c>baton-okta-aws findings</c>: what a reviewer should look at in one sync, worst first (docs/findings.md). From the sync file only.</summary>
internal sealed class FindingsCommand : Command, IDocumentedCommand
{
    private static readonly string[] Severities = ["none", "high", "medium", "low", "info"];

    private readonly CliEnvironment _env;

    public FindingsCommand(CliEnvironment env)
        : base("findings", "List what a reviewer should look at, worst first: dormant access, roles missing in AWS, shadowed group roles, direct assignments, unassigned mapping-group members and every sync warning (codes in docs/findings.md).")
    {
        _env = env;
        Add(File);
        Add(Sync);
        Add(Output);
        Add(FailOn);
        Logging.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, _env, Logging, RunAsync, cancellationToken));
    }

    internal LoggingOptions Logging { get; } = new();
    internal Option<string?> File { get; } = FileOption.Create("Sync file to read (default sync.db).");
    internal NumberOption Sync { get; } = SyncIdOption.Create();
    internal ChoiceOption Output { get; } = new("--output", FindingsOutput.Formats, "table", "table for people, json (an array of findings) or csv.", "-o");
    internal ChoiceOption FailOn { get; } = new("--fail-on", Severities, "none", $"Exit {ExitCode.FindingsAtOrAbove} when any finding has this severity or a worse one.");

    public IReadOnlyList<HelpExample> Examples { get; } =
    [
        new("Everything to look at", "baton-okta-aws findings --file aws.db"),
        new("Fail a nightly job on anything high", "baton-okta-aws findings --file aws.db --fail-on high --output json"),
        new("Findings of an older sync", "baton-okta-aws findings --file aws.db --sync 41"),
    ];

    public IReadOnlyList<int> ExitCodes { get; } = [ExitCode.Success, ExitCode.Failure, ExitCode.UsageError, ExitCode.FindingsAtOrAbove];

    private Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var values = context.Values;
        var failOn = values.Get<string?>(FailOn) is { } text and not "none" ? FindingSeverities.Parse(text) : (FindingSeverity?)null;
        using var reader = SyncFileReader.Open(FileOption.Resolve(values, File));
        var findings = FindingsEngine.Find(ReviewSnapshot.Load(reader.Sync(values.Read(Sync))));
        FindingsOutput.Write(_env.Out, findings, values.Get(Output));
        return Task.FromResult(failOn is { } severity && findings.Any(f => f.Severity >= severity) ? ExitCode.FindingsAtOrAbove : ExitCode.Success);
    }
}
