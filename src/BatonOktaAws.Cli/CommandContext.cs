using BatonOktaAws.Cli.Logging;
using BatonOktaAws.Cli.Options;
using Microsoft.Extensions.Logging;

namespace BatonOktaAws.Cli;

/// <summary>What a command's body gets: its options (command line, else BATON_ variables), the environment, and logging set up as asked.</summary>
/// <remarks><see cref="StatusLine"/> is set only when progress may be drawn in place (console logs on a terminal).</remarks>
internal sealed record CommandContext(OptionValues Values, CliEnvironment Env, ILoggerFactory Loggers, ILogger Logger, LogFormat Format, StatusLine? StatusLine);
