using System.CommandLine;
using BatonOktaAws.Cli.Help;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Cli.Output;
using BatonOktaAws.Core.Review;
using BatonOktaAws.Core.Review.Admin;
using BatonOktaAws.Store;

namespace BatonOktaAws.Cli.Commands;

/// <summary>
/// <c>baton-okta-aws admins</c>: who can change AWS access through Okta's admin roles — the app's assignments, or the
/// membership of a group that grants a role — and how they hold that role. From the sync file only (docs/aws-access.md).
/// </summary>
internal sealed class AdminsCommand : Command, IDocumentedCommand
{
    private readonly CliEnvironment _env;

    public AdminsCommand(CliEnvironment env)
        : base("admins", "Show who can change AWS access through Okta admin roles, per AWS app (and per account and role where the path is a group): the person, the role, how they hold it, and what it lets them change. From the sync file (no Okta calls).")
    {
        _env = env;
        Add(File);
        Add(Output);
        Add(App);
        Add(Sync);
        Logging.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, _env, Logging, RunAsync, cancellationToken));
    }

    internal LoggingOptions Logging { get; } = new();
    internal Option<string?> File { get; } = FileOption.Create("Sync file to read (default sync.db).");
    internal ChoiceOption Output { get; } = new("--output", AdminsOutput.Formats, "table", "table for people, json (an object with the paths and what could not be decided) or csv.", "-o");
    internal Option<string?> App { get; } = new("--app") { Description = "Only this AWS app (Okta app id or label).", HelpName = "id-or-label" };
    internal NumberOption Sync { get; } = SyncIdOption.Create();

    public IReadOnlyList<HelpExample> Examples { get; } =
    [
        new("Who can change AWS access, per app", "baton-okta-aws admins --file aws.db"),
        new("For one app, as JSON with the rule behind each path", "baton-okta-aws admins --file aws.db --app 'Amazon Web Services (production)' --output json"),
        new("Everything in one query: access and who can change it", "baton-okta-aws access --file aws.db --include-admins"),
    ];

    public IReadOnlyList<int> ExitCodes { get; } = [ExitCode.Success, ExitCode.Failure, ExitCode.UsageError, ExitCode.NotInSyncFile];

    private Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var values = context.Values;
        using var reader = SyncFileReader.Open(FileOption.Resolve(values, File));
        var sync = reader.Sync(values.Read(Sync));
        var app = values.Get(App);
        if (app is not null && new AccessFilterCheck(App, "AWS app", (view, value) => view.HasApp(value), "list the apps with `baton-okta-aws resources -t app`").Missing(sync, app) is { } missing)
        {
            throw new NotInSyncFileException(missing);
        }

        var review = WhoCanChangeAwsAccess.For(ReviewSnapshot.Load(sync));
        if (app is not null)
        {
            review = review with
            {
                Paths = [.. review.Paths.Where(p => p.AppId == app || string.Equals(p.AppLabel, app, StringComparison.OrdinalIgnoreCase))],
            };
        }

        if (!review.Reviewed)
        {
            AdminLog.NotReviewed(context.Logger, review.NotReviewedReason!);
        }

        AdminsOutput.Write(_env.Out, review, values.Get(Output));
        return Task.FromResult(ExitCode.Success);
    }
}
