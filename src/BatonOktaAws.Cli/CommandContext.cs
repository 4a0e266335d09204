using System.CommandLine;
using BatonOktaAws.Cli.Logging;
using Microsoft.Extensions.Logging;

namespace BatonOktaAws.Cli;

/// <summary>What a command's body gets: its parsed flags, the environment, and logging set up as asked.</summary>
/// <remarks><see cref="StatusLine"/> is set only when progress may be drawn in place (console logs on a terminal).</remarks>
internal sealed record CommandContext(ParseResult Parse, CliEnvironment Env, ILoggerFactory Loggers, ILogger Logger, LogFormat Format, StatusLine? StatusLine);
