using System.CommandLine;

namespace BatonOktaAws.Cli.Options;

/// <summary>
/// The one way a command reads its options: the command line wins, then the option's <c>BATON_</c> variable
/// (<see cref="EnvironmentFallback.VariableFor"/>), then the default. A variable's value is checked as the flag's
/// would be, and an error names the variable.
/// </summary>
internal sealed class OptionValues
{
    private readonly ParseResult _parse;
    private readonly Func<string, string?> _variables;

    public OptionValues(ParseResult parse, Func<string, string?> variables)
    {
        _parse = parse;
        _variables = variables;
    }

    /// <summary>The command that runs.</summary>
    public Command Command => _parse.CommandResult.Command;

    /// <exception cref="UsageException">The variable's value is not what the option takes.</exception>
    public T Get<T>(Option<T> option)
    {
        ArgumentNullException.ThrowIfNull(option);
        if (IsOnCommandLine(option))
        {
            var given = _parse.GetValue(option);
            return given is string words ? (string.IsNullOrWhiteSpace(words) ? default! : (T)(object)words.Trim()) : given!;
        }

        var variable = EnvironmentFallback.VariableFor(option);
        var text = Variable(variable);
        if (text is null)
        {
            return _parse.GetValue(option)!;
        }

        object? value = option switch
        {
            NumberOption number => Checked(number.Check(text, variable)),
            ChoiceOption choice => Checked(choice.Check(text, variable)),
            Option<bool> => Boolean(text, variable),
            Option<string?> => text,
            Option<string[]> => text.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            _ => throw new InvalidOperationException($"{option.Name} has a type ({typeof(T).Name}) that {VariableFor(option)} cannot be read as."),
        };
        return (T)value!;
    }

    /// <summary>A positional argument's value (arguments have no variable: they are what the command line names).</summary>
    public T? Get<T>(Argument<T> argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        return _parse.GetValue(argument);
    }

    /// <summary>The option's word, or its default when neither the flag nor the variable gives one.</summary>
    public string Get(ChoiceOption option) => Get<string?>(option) ?? option.Default;

    /// <summary>The option's number, or its default.</summary>
    public int Get(NumberOption option) => Get<int?>(option) ?? option.Default;

    /// <summary>Whether the option was given on the command line (not from a variable or default).</summary>
    public bool IsOnCommandLine(Option option) => _parse.GetResult(option) is { Implicit: false };

    /// <summary>Whether the option was given at all: on the command line or by its variable.</summary>
    public bool IsGiven(Option option) => IsOnCommandLine(option) || Variable(EnvironmentFallback.VariableFor(option)) is not null;

    /// <summary>Where the option's value comes from, for messages: the flag, or the variable.</summary>
    public string SourceOf(Option option) =>
        !IsOnCommandLine(option) && Variable(EnvironmentFallback.VariableFor(option)) is not null ? EnvironmentFallback.VariableFor(option) : option.Name;

    /// <summary>A variable that is not an option's (e.g. GITHUB_ACTOR), or null when unset or blank.</summary>
    public string? Variable(string name) => _variables(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string VariableFor(Option option) => EnvironmentFallback.VariableFor(option);

    private static object Checked<TValue>((TValue? Value, string? Error) result) =>
        result.Error is null ? result.Value! : throw new UsageException(result.Error);

    private static bool Boolean(string text, string variable) => text.ToUpperInvariant() switch
    {
        "1" or "TRUE" or "YES" or "ON" => true,
        "0" or "FALSE" or "NO" or "OFF" => false,
        _ => throw new UsageException($"{variable}='{text}' is not a boolean (use true or false)."),
    };
}
