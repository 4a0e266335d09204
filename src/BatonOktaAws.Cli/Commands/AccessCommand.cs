using System.CommandLine;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Cli.Output;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Cli.Commands;

/// <summary><c>baton-okta-aws access</c>: who can assume which AWS role in which account, and why — from the sync file only.</summary>
internal sealed class AccessCommand : Command
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
        Add(Sync);
        Logging.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, _env, Logging, RunAsync, cancellationToken));
    }

    internal LoggingOptions Logging { get; } = new();
    internal Option<string?> File { get; } = FileOption.Create("Sync file to read (default sync.db)");
    internal Option<string?> Output { get; } = new("--output", "-o") { Description = "table (default), json or csv." };
    internal Option<string?> User { get; } = new("--user") { Description = "Only this user (Okta id or login)." };
    internal Option<string?> Account { get; } = new("--account") { Description = "Only this AWS account id." };
    internal Option<string?> Role { get; } = new("--role") { Description = "Only this AWS role name." };
    internal Option<string?> App { get; } = new("--app") { Description = "Only this AWS app (Okta app id or label)." };
    internal Option<long?> Sync { get; } = new("--sync") { Description = "Read this sync of the file instead of the latest (see `syncs`)." };

    private Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parse = context.Parse;
        var format = (parse.GetValue(Output) ?? "table").ToLowerInvariant();
        if (!AccessOutput.Formats.Contains(format))
        {
            throw new UsageException($"--output must be table, json or csv (got '{format}').");
        }

        var path = FileOption.Resolve(parse, File, _env);
        using var reader = SyncFileReader.Open(path);
        var rows = reader.Sync(parse.GetValue(Sync)).Access(new AccessFilter(parse.GetValue(User), parse.GetValue(Account), parse.GetValue(Role), parse.GetValue(App)));
        AccessOutput.Write(_env.Out, rows, format);
        return Task.FromResult(ExitCode.Success);
    }
}
