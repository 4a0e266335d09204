using System.CommandLine;
using BatonOktaAws.Cli.Commands;

namespace BatonOktaAws.Cli;

/// <summary>The command tree and how it is run: parse errors are usage errors (exit 2), everything else is the commands'.</summary>
public static class CliApplication
{
    internal static RootCommand BuildRoot(CliEnvironment env)
    {
        var root = new RootCommand(
            "baton-okta-aws: sync who can assume which AWS role through Okta's Amazon Web Services app into a SQLite file, " +
            "answer access reviews from it, and grant or revoke that access.")
        {
            new SyncCommand(env),
            new AccessCommand(env),
            new DemoCommand(env),
            new GrantCommand(env),
            new RevokeCommand(env),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliEnvironment env, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(env);
        var root = BuildRoot(env);
        var rewritten = ArgumentRewriter.Rewrite(args, root.Subcommands.Select(c => c.Name).ToList());
        var parse = root.Parse(rewritten);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await env.Error.WriteLineAsync($"baton-okta-aws: error: {error.Message}").ConfigureAwait(false);
            }

            await env.Error.WriteLineAsync("Run 'baton-okta-aws --help' for usage.").ConfigureAwait(false);
            return ExitCode.UsageError;
        }

        var invocation = new InvocationConfiguration
        {
            EnableDefaultExceptionHandler = false,
            Output = env.Out,
            Error = env.Error,
            ProcessTerminationTimeout = null,
        };
        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }
}
