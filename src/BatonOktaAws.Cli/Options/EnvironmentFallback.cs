using System.CommandLine;
using System.Globalization;

namespace BatonOktaAws.Cli.Options;

/// <summary>
/// Baton's convention: every flag <c>--some-flag</c> may instead come from <c>BATON_SOME_FLAG</c>. The
/// command line wins over the environment, which wins over the default.
/// </summary>
internal static class EnvironmentFallback
{
    public static string VariableFor(Option option) =>
        "BATON_" + option.Name.TrimStart('-').Replace('-', '_').ToUpperInvariant();

    public static string? Text(ParseResult parse, Option<string?> option, CliEnvironment env)
    {
        var value = parse.GetValue(option);
        return !string.IsNullOrWhiteSpace(value) ? value.Trim() : NonEmpty(env.GetVariable(VariableFor(option)));
    }

    public static bool Flag(ParseResult parse, Option<bool> option, CliEnvironment env)
    {
        if (parse.GetResult(option) is { Implicit: false })
        {
            return parse.GetValue(option);
        }

        var variable = VariableFor(option);
        var text = NonEmpty(env.GetVariable(variable));
        return text?.ToUpperInvariant() switch
        {
            null => false,
            "1" or "TRUE" or "YES" or "ON" => true,
            "0" or "FALSE" or "NO" or "OFF" => false,
            _ => throw new UsageException($"{variable}='{text}' is not a boolean (use true or false)."),
        };
    }

    public static int? Number(ParseResult parse, Option<int?> option, CliEnvironment env)
    {
        if (parse.GetValue(option) is { } value)
        {
            return value;
        }

        var variable = VariableFor(option);
        var text = NonEmpty(env.GetVariable(variable));
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new UsageException($"{variable}='{text}' is not a whole number.");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
