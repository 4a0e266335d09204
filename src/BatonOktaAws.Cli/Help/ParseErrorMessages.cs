using System.CommandLine;
using System.CommandLine.Parsing;
using BatonOktaAws.Cli.Options;

namespace BatonOktaAws.Cli.Help;

/// <summary>
/// Parse errors as one line each, naming the option and what it expects. Values are never echoed after an
/// unknown option: <c>--api-tokn SECRET</c> (or <c>--api-tokn=SECRET</c>) must not print the secret, so an unknown
/// option is named without its value and the words that follow it are counted, not shown.
/// </summary>
internal static class ParseErrorMessages
{
    public static IReadOnlyList<string> From(ParseResult parse, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(args);
        var command = parse.CommandResult.Command;
        var messages = new List<string>();
        messages.AddRange(Unmatched(parse.UnmatchedTokens, args, command));
        foreach (var error in parse.Errors)
        {
            if (error.SymbolResult is OptionResult { Option: var option })
            {
                messages.Add(error.Message.StartsWith("Required argument missing", StringComparison.Ordinal)
                    ? $"{option.Name} needs a value: {Expected(option)}."
                    : error.Message);
            }
            else if (!IsUnmatchedTokenError(error, parse.UnmatchedTokens) && !(messages.Count > 0 && IsMissingCommand(error)))
            {
                messages.Add(error.Message);
            }
        }

        var help = command is RootCommand ? "baton-okta-aws --help" : $"baton-okta-aws {CommandPath(parse.CommandResult)} --help";
        return [.. messages.Distinct(StringComparer.Ordinal).Select(m => $"{m.TrimEnd('.')}. See '{help}'.")];
    }

    /// <summary>"Required command was not provided" after "'x' is not a command" says the same thing twice.</summary>
    private static bool IsMissingCommand(ParseError error) =>
        error.Message.StartsWith("Required command was not provided", StringComparison.Ordinal);

    /// <summary>What an option takes, in words.</summary>
    public static string Expected(Option option) => option switch
    {
        NumberOption number => number.Expected,
        ChoiceOption choice => choice.Expected,
        Option<bool> => "true or false, or nothing",
        _ => $"<{option.HelpName ?? "value"}>",
    };

    private static IEnumerable<string> Unmatched(IReadOnlyList<string> unmatched, IReadOnlyList<string> args, Command command)
    {
        var searchFrom = 0;
        var previous = -2;
        string? unknownOption = null;
        var hidden = 0;
        foreach (var token in unmatched)
        {
            var index = IndexOf(args, token, searchFrom);
            searchFrom = index < 0 ? searchFrom : index + 1;
            var followsUnknown = unknownOption is not null && index == previous + 1;
            previous = index;
            if (token.StartsWith('-') && token.Length > 1)
            {
                if (unknownOption is not null)
                {
                    yield return Unknown(unknownOption, hidden, command);
                }

                unknownOption = NameOf(token);
                hidden = token.Length > unknownOption.Length ? 1 : 0;
                continue;
            }

            if (followsUnknown)
            {
                hidden++;
                continue;
            }

            if (unknownOption is not null)
            {
                yield return Unknown(unknownOption, hidden, command);
                unknownOption = null;
                hidden = 0;
            }

            if (index > 0 && BooleanOption(command, args[index - 1]) is { } flag)
            {
                // `--sync-custom-roles maybe`: the word was meant as the flag's value.
                yield return $"{flag.Name} takes true or false, or nothing for true; the word after it is neither (not shown)";
                continue;
            }

            yield return command.Subcommands.Count > 0
                ? $"'{token}' is not a command of baton-okta-aws (commands: {string.Join(", ", command.Subcommands.Select(c => c.Name))})"
                : $"Unexpected argument for {command.Name} (not shown, in case it is part of a secret): it takes only options; quote a value that contains spaces";
        }

        if (unknownOption is not null)
        {
            yield return Unknown(unknownOption, hidden, command);
        }
    }

    private static Option<bool>? BooleanOption(Command command, string token) =>
        command.Options.OfType<Option<bool>>().FirstOrDefault(o => o.Name == token || o.Aliases.Contains(token));

    private static string Unknown(string option, int hiddenValues, Command command)
    {
        var suggestion = Closest(option, command);
        var meant = suggestion is null ? string.Empty : $" (did you mean {suggestion}?)";
        var values = hiddenValues switch
        {
            0 => string.Empty,
            1 => "; the value given with it is not shown",
            _ => $"; the {hiddenValues} values given with it are not shown",
        };
        return $"Unknown option {option} for {command.Name}{meant}{values}";
    }

    /// <summary>The option name of <c>--name=value</c> or <c>--name:value</c>, without the value.</summary>
    private static string NameOf(string token)
    {
        var end = token.IndexOfAny(['=', ':']);
        return end < 0 ? token : token[..end];
    }

    private static string? Closest(string option, Command command)
    {
        var names = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
        var best = names
            .Select(n => (Name: n, Distance: Distance(option, n)))
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, option.Length / 4) ? best.Name : null;
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }

    private static int IndexOf(IReadOnlyList<string> args, string token, int from)
    {
        for (var i = from; i < args.Count; i++)
        {
            if (string.Equals(args[i], token, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsUnmatchedTokenError(ParseError error, IReadOnlyList<string> unmatched) =>
        error.SymbolResult is CommandResult && unmatched.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal));

    /// <summary>"aws-iam import": the names from the root's child down to the command that ran.</summary>
    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (var current = result; current is not null && current.Command is not RootCommand; current = current.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, current.Command.Name);
        }

        return string.Join(' ', names);
    }
}
