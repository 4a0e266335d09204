using System.CommandLine;
using BatonOktaAws.Cli.Help;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Cli.Output;
using BatonOktaAws.Core.Review.Findings;
using BatonOktaAws.Core.Review.Report;
using BatonOktaAws.Store;

namespace BatonOktaAws.Cli.Commands;

/// <summary>
/// <c>baton-okta-aws report</c>: the access review as a document people read (one self-contained HTML file, or one
/// per account) or as a review sheet (CSV) whose <c>decision</c> column <c>revoke --from-file</c> applies.
/// </summary>
internal sealed class ReportCommand : Command, IDocumentedCommand
{
    private static readonly string[] Severities = ["none", "high", "medium", "low", "info"];

    private readonly CliEnvironment _env;

    public ReportCommand(CliEnvironment env)
        : base("report", "Write the access review: one self-contained HTML document (findings, changes, who can assume which role in which account and why), or the review sheet (CSV) whose decision column revoke --from-file applies.")
    {
        _env = env;
        Add(File);
        Add(Out);
        Add(Format);
        Add(Sync);
        Add(Base);
        Add(SplitBy);
        Add(FailOn);
        Logging.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, _env, Logging, RunAsync, cancellationToken));
    }

    internal LoggingOptions Logging { get; } = new();
    internal Option<string?> File { get; } = FileOption.Create("Sync file to read (default sync.db).");
    internal Option<string?> Out { get; } = new("--out") { Description = "Where to write the report (default review.html, or review.csv with --format csv); replaced atomically.", HelpName = "path" };
    internal ChoiceOption Format { get; } = new("--format", ["html", "csv"], "html", "html: the document people read; csv: the review sheet with an empty decision column. Taken from --out's extension when not given.");
    internal NumberOption Sync { get; } = SyncIdOption.Create();
    internal Option<string?> Base { get; } = new("--base") { Description = "Compare with the latest sync of this other sync file (e.g. the last review's) instead of the file's previous sync.", HelpName = "path" };
    internal ChoiceOption SplitBy { get; } = new("--split-by", ["none", "account"], "none", "account: an index file at --out and one HTML file per AWS account beside it, for very large estates.");
    internal ChoiceOption FailOn { get; } = new("--fail-on", Severities, "none", $"After writing, exit {ExitCode.FindingsAtOrAbove} when any finding has this severity or a worse one.");

    public IReadOnlyList<HelpExample> Examples { get; } =
    [
        new("The review document", "baton-okta-aws report --file aws.db --out review.html"),
        new("The review sheet for decisions", "baton-okta-aws report --file aws.db --format csv --out review.csv"),
        new("Then apply the rows marked revoke", "baton-okta-aws revoke --from-file review.csv --dry-run"),
        new("Against the last review's file, one file per account", "baton-okta-aws report --file aws.db --base review-q3.db --split-by account --out review/index.html"),
    ];

    public IReadOnlyList<int> ExitCodes { get; } = [ExitCode.Success, ExitCode.Failure, ExitCode.UsageError, ExitCode.FindingsAtOrAbove];

    private Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var values = context.Values;
        var given = values.Get(Out);
        var format = values.IsGiven(Format) ? values.Get(Format) : given?.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) == true ? "csv" : "html";
        var split = values.Get(SplitBy) == "account";
        if (split && format == "csv")
        {
            throw new UsageException("--split-by account writes HTML files; the review sheet (--format csv) is always one file.");
        }

        var target = Path.GetFullPath(given ?? (format == "csv" ? "review.csv" : "review.html"));
        if (Directory.Exists(target))
        {
            throw new UsageException($"--out {target} is a directory; give a file name (e.g. {Path.Combine(target, format == "csv" ? "review.csv" : "review.html")}).");
        }

        using var reader = SyncFileReader.Open(FileOption.Resolve(values, File));
        using var other = values.Get(Base) is { } basePath ? SyncFileReader.Open(basePath) : null;
        var data = ReviewReportData.Load(reader, values.Read(Sync), other);
        var options = new HtmlReportOptions { Generator = $"baton-okta-aws {CliEnvironment.Version}", GeneratedAt = _env.Time.GetUtcNow() };
        var written = new List<string>();
        if (format == "csv")
        {
            ReportFiles.Write(target, w => ReviewSheetWriter.Write(w, data));
            written.Add(target);
        }
        else if (!split)
        {
            ReportFiles.Write(target, w => HtmlReportWriter.Write(w, data, options));
            written.Add(target);
        }
        else
        {
            var stem = Path.GetFileNameWithoutExtension(target);
            var directory = Path.GetDirectoryName(target)!;
            string FileOf(string account) => $"{stem}-{account}.html";
            foreach (var account in data.Rows.Select(r => r.Access.AccountId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var path = Path.Combine(directory, FileOf(account));
                ReportFiles.Write(path, w => HtmlReportWriter.Write(w, data, options with { Accounts = new HashSet<string>(StringComparer.Ordinal) { account } }));
                written.Add(path);
            }

            ReportFiles.Write(target, w => HtmlReportWriter.Write(w, data, options with { AccountHref = FileOf }));
            written.Insert(0, target);
        }

        ReportOutput.Written(_env.Out, written, data, format);
        var failOn = values.Get<string?>(FailOn) is { } text and not "none" ? FindingSeverities.Parse(text) : (FindingSeverity?)null;
        return Task.FromResult(failOn is { } severity && data.Findings.Any(f => f.Severity >= severity) ? ExitCode.FindingsAtOrAbove : ExitCode.Success);
    }
}
