using System.CommandLine;

namespace BatonOktaAws.Cli.Options;

/// <summary><c>--file</c>/<c>-f</c>: the sync file.</summary>
internal static class FileOption
{
    public const string DefaultPath = "sync.db";

    public static Option<string?> Create(string description) => new("--file", "-f") { Description = description, HelpName = "path" };

    public static string Resolve(OptionValues values, Option<string?> option, string defaultPath = DefaultPath) =>
        values.Get(option) is { Length: > 0 } path ? path.Trim() : defaultPath;
}
