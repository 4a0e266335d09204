using System.CommandLine;
using BatonOktaAws.Cli.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace BatonOktaAws.Cli.Options;

/// <summary><c>--log-level</c> and <c>--log-format</c>; logs always go to standard error, results to standard output.</summary>
internal sealed class LoggingOptions
{
    public ChoiceOption Level { get; } = new("--log-level", ["debug", "info", "warn", "error"], "info", "How much to log on standard error.");

    public ChoiceOption Format { get; } = new(
        "--log-format",
        ["console", "json"],
        "console",
        "console: readable lines; json: every line on standard error is one JSON object (for cron), errors included.");

    public void AddTo(Command command)
    {
        command.Add(Level);
        command.Add(Format);
    }

    /// <summary>
    /// The format, when it can be told before anything else is checked: json as soon as the flag or variable
    /// says json (even if another value is wrong), so that the error about it is a JSON line too.
    /// </summary>
    public LogFormat FormatOf(OptionValues values)
    {
        try
        {
            return values.Get(Format) == "json" ? LogFormat.Json : LogFormat.Console;
        }
        catch (UsageException)
        {
            return LogFormat.Console;
        }
    }

    /// <exception cref="UsageException">Unknown level or format.</exception>
    public (SerilogLoggerFactory Factory, LogFormat Format, LiveConsole? Terminal) Create(OptionValues values, CliEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(env);
        var level = values.Get(Level);
        var format = values.Get(Format);
        var minimum = level switch
        {
            "debug" => LogEventLevel.Debug,
            "warn" => LogEventLevel.Warning,
            "error" => LogEventLevel.Error,
            _ => LogEventLevel.Information,
        };
        // Progress is drawn live only for people: console format on an interactive terminal.
        var terminal = format == "console" && env.ErrorIsTerminal ? new LiveConsole(env.Error) : null;
        var logFormat = format == "json" ? LogFormat.Json : LogFormat.Console;
        return (CreateFactory(env.Error, logFormat, minimum, terminal), logFormat, terminal);
    }

    /// <summary>A logger factory writing to <paramref name="error"/> in the given format (also used for usage errors found before a command runs).</summary>
    public static SerilogLoggerFactory CreateFactory(TextWriter error, LogFormat format, LogEventLevel minimum, LiveConsole? terminal = null)
    {
        ITextFormatter formatter = format == LogFormat.Json
            ? new RenderedCompactJsonFormatter()
            : new MessageTemplateTextFormatter("{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}");
        var logger = new LoggerConfiguration()
            .MinimumLevel.Is(minimum)
            .Enrich.WithProperty("tool", "baton-okta-aws")
            .WriteTo.Sink(new TextWriterSink(error, formatter, terminal))
            .CreateLogger();
        return new SerilogLoggerFactory(logger, dispose: true);
    }
}
