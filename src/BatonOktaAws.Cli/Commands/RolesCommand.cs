using System.CommandLine;
using BatonOktaAws.Cli.Help;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Cli.Output;
using BatonOktaAws.Core.Review;
using BatonOktaAws.Core.Review.Roles;
using BatonOktaAws.Store;

namespace BatonOktaAws.Cli.Commands;

/// <summary>
/// <c>baton-okta-aws roles</c>: every AWS role someone can reach through Okta, with what IAM's exports say of it —
/// whether it exists and trusts the app, its policies, whether it is admin-equivalent — and how many hold it.
/// </summary>
internal sealed class RolesCommand : Command, IDocumentedCommand
{
    private readonly CliEnvironment _env;

    public RolesCommand(CliEnvironment env)
        : base("roles", "List every AWS role reachable through Okta: whether it exists in IAM and trusts the app, its policies, whether it is admin-equivalent, and how many people hold it (needs IAM exports: sync --aws-iam or aws-iam import).")
    {
        _env = env;
        Add(File);
        Add(Sync);
        Add(Output);
        Logging.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, _env, Logging, RunAsync, cancellationToken));
    }

    internal LoggingOptions Logging { get; } = new();
    internal Option<string?> File { get; } = FileOption.Create("Sync file to read (default sync.db).");
    internal NumberOption Sync { get; } = SyncIdOption.Create();
    internal ChoiceOption Output { get; } = new("--output", RolesOutput.Formats, "table", "table for people, json (an array of roles) or csv.", "-o");

    public IReadOnlyList<HelpExample> Examples { get; } =
    [
        new("What each reachable role is and can do", "baton-okta-aws roles --file aws.db"),
        new("Admin-equivalent roles, for a script", "baton-okta-aws roles --file aws.db --output json | jq '.[] | select(.adminEquivalent)'"),
    ];

    public IReadOnlyList<int> ExitCodes { get; } = [ExitCode.Success, ExitCode.Failure, ExitCode.UsageError];

    private Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var values = context.Values;
        using var reader = SyncFileReader.Open(FileOption.Resolve(values, File));
        var sync = ReviewSnapshot.Load(reader.Sync(values.Read(Sync)));
        RolesOutput.Write(_env.Out, ReachableRole.Of(sync), sync.IamExports.Count > 0, values.Get(Output));
        return Task.FromResult(ExitCode.Success);
    }
}
