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
    private static readonly string[] Levels = ["debug", "info", "warn", "error"];
    private static readonly string[] Formats = ["console", "json"];

    public Option<string?> Level { get; } = new("--log-level")
    {
        Description = "debug, info, warn or error (default info; env BATON_LOG_LEVEL).",
    };

    public Option<string?> Format { get; } = new("--log-format")
    {
        Description = "console (readable) or json (one object per line, for cron); default console (env BATON_LOG_FORMAT).",
    };

    public void AddTo(Command command)
    {
        command.Add(Level);
        command.Add(Format);
    }

    /// <summary>The format, falling back to console when the value is unusable (the logger reports that as a usage error).</summary>
    public LogFormat FormatOf(ParseResult parse, CliEnvironment env) =>
        string.Equals(EnvironmentFallback.Text(parse, Format, env), "json", StringComparison.OrdinalIgnoreCase) ? LogFormat.Json : LogFormat.Console;

    /// <exception cref="UsageException">Unknown level or format.</exception>
    public (SerilogLoggerFactory Factory, LogFormat Format, StatusLine? StatusLine) Create(ParseResult parse, CliEnvironment env)
    {
        var level = (EnvironmentFallback.Text(parse, Level, env) ?? "info").ToLowerInvariant();
        var format = (EnvironmentFallback.Text(parse, Format, env) ?? "console").ToLowerInvariant();
        if (!Levels.Contains(level))
        {
            throw new UsageException($"--log-level must be one of {string.Join(", ", Levels)} (got '{level}').");
        }

        if (!Formats.Contains(format))
        {
            throw new UsageException($"--log-format must be console or json (got '{format}').");
        }

        var minimum = level switch
        {
            "debug" => LogEventLevel.Debug,
            "warn" => LogEventLevel.Warning,
            "error" => LogEventLevel.Error,
            _ => LogEventLevel.Information,
        };
        // Progress is drawn in place only for people: console format on an interactive terminal.
        var statusLine = format == "console" && env.ErrorIsTerminal ? new StatusLine(env.Error) : null;
        ITextFormatter formatter = format == "json"
            ? new RenderedCompactJsonFormatter()
            : new MessageTemplateTextFormatter("{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}");
        var logger = new LoggerConfiguration()
            .MinimumLevel.Is(minimum)
            .Enrich.WithProperty("tool", "baton-okta-aws")
            .WriteTo.Sink(new TextWriterSink(env.Error, formatter, statusLine))
            .CreateLogger();
        return (new SerilogLoggerFactory(logger, dispose: true), format == "json" ? LogFormat.Json : LogFormat.Console, statusLine);
    }
}
