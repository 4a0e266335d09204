using System.CommandLine;

namespace BatonOktaAws.Cli.Options;

/// <summary><c>--file</c>/<c>-f</c>: the sync file (env BATON_FILE).</summary>
internal static class FileOption
{
    public const string DefaultPath = "sync.db";

    public static Option<string?> Create(string description) => new("--file", "-f") { Description = description + " (env BATON_FILE)" };

    public static string Resolve(ParseResult parse, Option<string?> option, CliEnvironment env, string defaultPath = DefaultPath) =>
        EnvironmentFallback.Text(parse, option, env) ?? defaultPath;
}
