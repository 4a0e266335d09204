using System.CommandLine;
using BatonOktaAws.Cli.Help;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Cli.Output;
using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Review;
using BatonOktaAws.Core.Review.Admin;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Cli.Commands;

/// <summary><c>baton-okta-aws access</c>: who can assume which AWS role in which account, and why — from the sync file only.</summary>
internal sealed class AccessCommand : Command, IDocumentedCommand
{
    private readonly CliEnvironment _env;

    public AccessCommand(CliEnvironment env)
        : base("access", "Show who can assume which AWS role in which account, and why, from the sync file (no Okta calls).")
    {
        _env = env;
        Add(File);
        Add(Output);
        Add(User);
        Add(Account);
        Add(Role);
        Add(App);
        Add(IncludeAdmins);
        Add(Sync);
        Logging.AddTo(this);
        Checks =
        [
            new(User, "user", (reader, value) => reader.HasUser(value), "it lists the users assigned to the AWS app; sync with --sync-all-users to list every user"),
            new(Account, "AWS account", (reader, value) => reader.HasAccount(value)),
            new(Role, "AWS role", (reader, value) => reader.HasRole(value), "role names are case-sensitive"),
            new(App, "AWS app", (reader, value) => reader.HasApp(value), "list the apps with `baton-okta-aws resources -t app`"),
        ];
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, _env, Logging, RunAsync, cancellationToken));
    }

    internal LoggingOptions Logging { get; } = new();
    internal Option<string?> File { get; } = FileOption.Create("Sync file to read (default sync.db).");
    internal ChoiceOption Output { get; } = new("--output", AccessOutput.Formats, "table", "table for people, json (an array of rows) or csv.", "-o");
    internal Option<string?> User { get; } = new("--user") { Description = "Only this user (Okta id or login).", HelpName = "id-or-login" };
    internal Option<string?> Account { get; } = new("--account") { Description = "Only this AWS account (12 digits).", HelpName = "account-id" };
    internal Option<string?> Role { get; } = new("--role") { Description = "Only this AWS role name.", HelpName = "role" };
    internal Option<string?> App { get; } = new("--app") { Description = "Only this AWS app (Okta app id or label).", HelpName = "id-or-label" };
    internal NumberOption Sync { get; } = SyncIdOption.Create();

    internal Option<bool> IncludeAdmins { get; } = new("--include-admins")
    {
        Description = "Also list who can change this access through Okta admin roles, as rows with source admin:<roleType or custom role id> (see `baton-okta-aws admins`).",
    };

    /// <summary>The filters that must name something the sync file holds.</summary>
    internal IReadOnlyList<AccessFilterCheck> Checks { get; }

    public IReadOnlyList<HelpExample> Examples { get; } =
    [
        new("Everyone who can assume any role", "baton-okta-aws access --file aws.db"),
        new("Who can assume Admin in one account, as CSV", "baton-okta-aws access --file aws.db --account 123456789012 --role Admin --output csv"),
        new("One user's roles, as JSON", "baton-okta-aws access --file aws.db --user alice@acme.com --output json"),
        new("Through one app only", "baton-okta-aws access --file aws.db --app 'Amazon Web Services (production)'"),
        new("As an older sync of the file answered", "baton-okta-aws access --file aws.db --sync 41"),
        new("Direct, group and admin paths to Admin in one account", "baton-okta-aws access --file aws.db --account 123456789012 --role Admin --include-admins"),
    ];

    public IReadOnlyList<int> ExitCodes { get; } = [ExitCode.Success, ExitCode.Failure, ExitCode.UsageError, ExitCode.NotInSyncFile];

    private Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var values = context.Values;
        var format = values.Get(Output);
        var account = values.Get(Account);
        if (account is not null && !AwsAccountId.TryParse(account, out _))
        {
            throw new UsageException($"{values.SourceOf(Account)} must be a 12-digit AWS account id (got '{(account.Length > 40 ? account[..40] + "..." : account)}').");
        }

        var path = FileOption.Resolve(values, File);
        using var reader = SyncFileReader.Open(path);
        var sync = reader.Sync(values.Read(Sync));
        var missing = Checks
            .Select(check => values.Get(check.Option) is { } value ? check.Missing(sync, value) : null)
            .OfType<string>()
            .ToList();
        if (missing.Count > 0)
        {
            throw new NotInSyncFileException(string.Join(" ", missing));
        }

        var user = values.Get(User);
        var filter = new AccessFilter(user, account, values.Get(Role), values.Get(App));
        var rows = sync.Access(filter);
        if (values.Get(IncludeAdmins))
        {
            rows = WithAdmins(context, sync, filter, rows);
        }

        AccessOutput.Write(_env.Out, rows, format, user);
        return Task.FromResult(ExitCode.Success);
    }

    /// <summary>The access rows and the admin paths to the same roles, in one order (login, app, account, role, source).</summary>
    private static IReadOnlyList<AccessRow> WithAdmins(CommandContext context, SyncView sync, AccessFilter filter, IReadOnlyList<AccessRow> rows)
    {
        var snapshot = ReviewSnapshot.Load(sync);
        var review = WhoCanChangeAwsAccess.For(snapshot);
        if (!review.Reviewed)
        {
            AdminLog.NotReviewed(context.Logger, review.NotReviewedReason!);
        }

        return
        [
            .. rows.Concat(AdminAccessRows.From(snapshot, filter))
                .OrderBy(r => r.Login, StringComparer.OrdinalIgnoreCase)
                .ThenBy(r => r.UserId, StringComparer.Ordinal)
                .ThenBy(r => r.AppLabel, StringComparer.OrdinalIgnoreCase)
                .ThenBy(r => r.AppId, StringComparer.Ordinal)
                .ThenBy(r => r.AccountId, StringComparer.Ordinal)
                .ThenBy(r => r.Role, StringComparer.Ordinal)
                .ThenBy(r => r.Source, StringComparer.Ordinal),
        ];
    }
}
