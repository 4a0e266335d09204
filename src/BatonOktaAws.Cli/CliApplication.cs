using System.CommandLine;
using BatonOktaAws.Cli.Commands;
using BatonOktaAws.Cli.Help;
using BatonOktaAws.Cli.Logging;
using BatonOktaAws.Cli.Options;
using Microsoft.Extensions.Logging;
using Serilog.Events;

namespace BatonOktaAws.Cli;

/// <summary>The command tree and how it is run: parse errors are usage errors (exit 2), everything else is the commands'.</summary>
public static class CliApplication
{
    internal static BatonRootCommand BuildRoot(CliEnvironment env)
    {
        var root = new BatonRootCommand(env);
        EnvironmentFallback.DescribeVariables(root);
        TeachingHelpAction.Install(root);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliEnvironment env, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(env);
        var root = BuildRoot(env);
        var rewritten = ArgumentRewriter.Rewrite(args, root.Subcommands.Select(c => c.Name).ToList());
        var parse = root.Parse(rewritten);
        // --help answers even when the rest of the command line is incomplete (a required argument missing).
        if (parse.Errors.Count > 0 && parse.Action is not TeachingHelpAction)
        {
            await ReportUsageErrorsAsync(ParseErrorMessages.From(parse, rewritten), UsageLogFormat(rewritten, env), env).ConfigureAwait(false);
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

    private static async Task ReportUsageErrorsAsync(IReadOnlyList<string> messages, LogFormat format, CliEnvironment env)
    {
        if (format == LogFormat.Json)
        {
            using var loggers = LoggingOptions.CreateFactory(env.Error, LogFormat.Json, LogEventLevel.Information);
            var logger = loggers.CreateLogger("baton-okta-aws");
            foreach (var message in messages)
            {
                CliLog.Failed(logger, message);
            }

            return;
        }

        foreach (var message in messages)
        {
            await env.Error.WriteLineAsync($"baton-okta-aws: error: {message}").ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The log format for errors found while parsing, when the parse result cannot be trusted: the last
    /// <c>--log-format json</c> (or <c>=json</c>) among the arguments, else BATON_LOG_FORMAT.
    /// </summary>
    private static LogFormat UsageLogFormat(string[] args, CliEnvironment env)
    {
        string? value = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--log-format" && i + 1 < args.Length)
            {
                value = args[i + 1];
            }
            else if (args[i].StartsWith("--log-format=", StringComparison.Ordinal) || args[i].StartsWith("--log-format:", StringComparison.Ordinal))
            {
                value = args[i]["--log-format=".Length..];
            }
        }

        value ??= env.GetVariable("BATON_LOG_FORMAT");
        return string.Equals(value?.Trim(), "json", StringComparison.OrdinalIgnoreCase) ? LogFormat.Json : LogFormat.Console;
    }
}
