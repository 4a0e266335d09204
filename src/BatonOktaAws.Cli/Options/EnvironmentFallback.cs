using System.CommandLine;
using System.CommandLine.Help;

namespace BatonOktaAws.Cli.Options;

/// <summary>
/// Baton's convention: every option <c>--some-flag</c> may instead come from <c>BATON_SOME_FLAG</c>. This names
/// the variable and puts it into every option's help; <see cref="OptionValues"/> reads it.
/// </summary>
internal static class EnvironmentFallback
{
    public static string VariableFor(Option option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return "BATON_" + option.Name.TrimStart('-').Replace('-', '_').ToUpperInvariant();
    }

    /// <summary>Every option a command line can be given, with the command it belongs to (help and version excluded).</summary>
    public static IEnumerable<(Command Command, Option Option)> AllOptions(Command root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var option in root.Options.Where(IsSetting))
        {
            yield return (root, option);
        }

        foreach (var sub in root.Subcommands)
        {
            foreach (var pair in AllOptions(sub))
            {
                yield return pair;
            }
        }
    }

    /// <summary>Appends "[env: BATON_X]" to every option's help, so the variable of each is where its flag is.</summary>
    public static void DescribeVariables(Command root)
    {
        foreach (var (_, option) in AllOptions(root))
        {
            option.Description = $"{option.Description} [env: {VariableFor(option)}]".TrimStart();
        }
    }

    private static bool IsSetting(Option option) => option is not (HelpOption or VersionOption);
}
