using System.CommandLine;
using BatonOktaAws.Cli.Logging;
using BatonOktaAws.Cli.Options;
using Microsoft.Extensions.Logging;
using Serilog.Events;

namespace BatonOktaAws.Cli;

/// <summary>
/// Runs a command's body with logging set up from its flags, and turns any failure into one line on
/// standard error (a JSON log line with <c>--log-format json</c>, even when the failure is about the logging
/// flags themselves) and the matching exit code.
/// </summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(
        ParseResult parse,
        CliEnvironment env,
        LoggingOptions logging,
        Func<CommandContext, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken)
    {
        var values = new OptionValues(parse, env.GetVariable);
        var format = logging.FormatOf(values);
        Serilog.Extensions.Logging.SerilogLoggerFactory? loggers = null;
        ILogger? logger = null;
        try
        {
            (loggers, format, var terminal) = logging.Create(values, env);
            logger = loggers.CreateLogger("baton-okta-aws");
            var log = logger;
            using var interrupted = cancellationToken.Register(() => CliLog.Interrupted(log));
            return await body(new CommandContext(values, env, loggers, logger, format, terminal), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var (code, message) = ErrorReporter.Describe(ex, cancellationToken);
            if (logger is null && format == LogFormat.Json)
            {
                loggers = LoggingOptions.CreateFactory(env.Error, LogFormat.Json, LogEventLevel.Information);
                logger = loggers.CreateLogger("baton-okta-aws");
            }

            if (logger is not null && format == LogFormat.Json)
            {
                CliLog.Failed(logger, message);
            }
            else
            {
                await env.Error.WriteLineAsync($"baton-okta-aws: error: {message}").ConfigureAwait(false);
            }

            if (logger is not null && code != ExitCode.UsageError)
            {
                CliLog.FailureDetails(logger, ex);
            }

            return code;
        }
        finally
        {
            loggers?.Dispose();
        }
    }
}
