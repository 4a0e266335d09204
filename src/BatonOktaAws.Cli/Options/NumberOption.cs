using System.CommandLine;
using System.Globalization;

namespace BatonOktaAws.Cli.Options;

/// <summary>
/// A whole-number option with its allowed range. The same check runs on the command line (a parse error) and on
/// its <c>BATON_</c> variable, so both name the option and the expected value.
/// </summary>
internal sealed class NumberOption : Option<int?>
{
    public NumberOption(string name, int min, int max, int defaultValue, string description)
        : this(name, min, max, defaultValue, description, defaultValue.ToString(CultureInfo.InvariantCulture))
    {
    }

    /// <param name="defaultMeaning">What the default means, for help, when it is not simply a number (e.g. "the latest sync").</param>
    public NumberOption(string name, int min, int max, int defaultValue, string description, string defaultMeaning)
        : base(name)
    {
        Min = min;
        Max = max;
        Default = defaultValue;
        Description = $"{description} Default {defaultMeaning}.";
        HelpName = string.Create(CultureInfo.InvariantCulture, $"{min}-{max}");
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            var (value, error) = Check(text, Name);
            if (error is not null)
            {
                result.AddError(error);
            }

            return value;
        };
    }

    public int Min { get; }
    public int Max { get; }
    public int Default { get; }

    /// <summary>What this option takes, for messages: "a whole number from 1 to 64".</summary>
    public string Expected => string.Create(CultureInfo.InvariantCulture, $"a whole number from {Min} to {Max}");

    /// <param name="source">The flag or variable the text came from, for the message.</param>
    public (int? Value, string? Error) Check(string text, string source)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return (null, $"{source} must be {Expected} (got '{Printable(text)}').");
        }

        return value < Min || value > Max
            ? (null, string.Create(CultureInfo.InvariantCulture, $"{source} must be between {Min} and {Max} (got {value})."))
            : (value, null);
    }

    private static string Printable(string text) => text.Length > 40 ? text[..40] + "..." : text;
}
