using BatonOktaAws.Cli.Logging;
using BatonOktaAws.Cli.Options;
using Microsoft.Extensions.Logging;

namespace BatonOktaAws.Cli;

/// <summary>What a command's body gets: its options (command line, else BATON_ variables), the environment, and logging set up as asked.</summary>
/// <remarks><see cref="Terminal"/> is set only when progress may be drawn live (console logs on an interactive terminal).</remarks>
internal sealed record CommandContext(OptionValues Values, CliEnvironment Env, ILoggerFactory Loggers, ILogger Logger, LogFormat Format, LiveConsole? Terminal);
