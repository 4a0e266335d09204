using System.CommandLine;

namespace BatonOktaAws.Cli.Options;

/// <summary>
/// An option that takes one of a few words (case-insensitive, read as lower case). The command line and the
/// <c>BATON_</c> variable are checked alike, and help lists the words.
/// </summary>
internal sealed class ChoiceOption : Option<string?>
{
    public ChoiceOption(string name, string[] allowed, string defaultValue, string description, params string[] aliases)
        : base(name, aliases)
    {
        Allowed = allowed;
        Default = defaultValue;
        Description = $"{description} Default {defaultValue}.";
        HelpName = string.Join('|', allowed);
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

    public IReadOnlyList<string> Allowed { get; }
    public string Default { get; }

    /// <summary>What this option takes, for messages: "table, json or csv".</summary>
    public string Expected => Allowed.Count == 1 ? Allowed[0] : string.Join(", ", Allowed.Take(Allowed.Count - 1)) + " or " + Allowed[^1];

    /// <param name="source">The flag or variable the text came from, for the message.</param>
    public (string? Value, string? Error) Check(string text, string source)
    {
        var value = text.Trim().ToLowerInvariant();
        return Allowed.Contains(value)
            ? (value, null)
            : (null, $"{source} must be {Expected} (got '{(value.Length > 40 ? value[..40] + "..." : value)}').");
    }
}
