using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using System.Text.Json;
using BatonOktaAws.Cli.Options;

namespace BatonOktaAws.Cli.Output;

/// <summary>
/// The configuration schema, generated from the command tree: Baton's <c>c1.config.v1.Configuration</c> in
/// protojson (what a Baton connector's <c>config</c> command prints) — the default command's fields and
/// constraints at the top — plus, per command, every flag with its <c>BATON_</c> variable, whether it is required
/// or secret, its type, default and allowed values. Numbers are int64 in Baton's messages, so protojson writes
/// them as strings.
/// </summary>
internal static class ConfigSchemaOutput
{
    public static void Write(TextWriter output, Command root, string defaultCommand)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(root);
        var commands = Commands(root, prefix: null).ToList();
        var main = commands.Single(command => command.Name == defaultCommand).Command;
        output.WriteLine(JsonText.Of(
            json =>
            {
                json.WriteStartObject();
                json.WriteString("displayName", "baton-okta-aws");
                Fields(json, main);
                json.WriteString("defaultCommand", defaultCommand);
                json.WriteStartArray("commands");
                foreach (var (name, command) in commands)
                {
                    json.WriteStartObject();
                    json.WriteString("name", name);
                    json.WriteString("description", command.Description);
                    Fields(json, command);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            },
            indented: true));
    }

    /// <summary>Every command by the words that run it: a command with subcommands (aws-iam) stands for them ("aws-iam import").</summary>
    private static IEnumerable<(string Name, Command Command)> Commands(Command parent, string? prefix)
    {
        foreach (var command in parent.Subcommands.Where(command => !command.Hidden))
        {
            var name = prefix is null ? command.Name : $"{prefix} {command.Name}";
            if (command.Subcommands.Count == 0)
            {
                yield return (name, command);
                continue;
            }

            foreach (var nested in Commands(command, name))
            {
                yield return nested;
            }
        }
    }

    private static void Fields(Utf8JsonWriter json, Command command)
    {
        var options = command.Options.Where(option => option is not (HelpOption or VersionOption) && !option.Hidden).ToList();
        json.WriteStartArray("fields");
        foreach (var option in options)
        {
            Field(json, option);
        }

        json.WriteEndArray();
        var groups = options.Select(OptionTraits.OneOf).OfType<IReadOnlyList<Option>>().Distinct().ToList();
        if (groups.Count == 0)
        {
            return;
        }

        json.WriteStartArray("constraints");
        foreach (var group in groups)
        {
            foreach (var kind in (string[])["CONSTRAINT_KIND_AT_LEAST_ONE", "CONSTRAINT_KIND_MUTUALLY_EXCLUSIVE"])
            {
                json.WriteStartObject();
                json.WriteString("kind", kind);
                json.WriteStartArray("fieldNames");
                foreach (var member in group)
                {
                    json.WriteStringValue(NameOf(member));
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
    }

    private static void Field(Utf8JsonWriter json, Option option)
    {
        json.WriteStartObject();
        json.WriteString("name", NameOf(option));
        json.WriteString("description", Description(option));
        json.WriteBoolean("isRequired", OptionTraits.IsRequired(option));
        json.WriteBoolean("isSecret", OptionTraits.IsSecret(option));
        switch (option)
        {
            case NumberOption number:
                json.WriteStartObject("intField");
                if (number.Default != 0)
                {
                    json.WriteString("defaultValue", number.Default.ToString(CultureInfo.InvariantCulture));
                }

                json.WriteStartObject("rules");
                json.WriteString("lte", number.Max.ToString(CultureInfo.InvariantCulture));
                json.WriteString("gte", number.Min.ToString(CultureInfo.InvariantCulture));
                json.WriteEndObject();
                json.WriteEndObject();
                break;
            case ChoiceOption choice:
                json.WriteStartObject("stringField");
                json.WriteString("defaultValue", choice.Default);
                json.WriteStartObject("rules");
                json.WriteStartArray("in");
                foreach (var allowed in choice.Allowed)
                {
                    json.WriteStringValue(allowed);
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
                break;
            case Option<bool>:
                json.WriteStartObject("boolField");
                json.WriteEndObject();
                break;
            default:
                json.WriteStartObject("stringField");
                json.WriteEndObject();
                break;
        }

        json.WriteString("flag", option.Name);
        if (option.Aliases.Count > 0)
        {
            json.WriteStartArray("aliases");
            foreach (var alias in option.Aliases.Order(StringComparer.Ordinal))
            {
                json.WriteStringValue(alias);
            }

            json.WriteEndArray();
        }

        json.WriteString("envVar", EnvironmentFallback.VariableFor(option));
        json.WriteEndObject();
    }

    /// <summary>Baton's field name: the flag without its dashes (Baton derives the flag and BATON_ variable from it).</summary>
    private static string NameOf(Option option) => option.Name.TrimStart('-');

    /// <summary>The option's help text without the "[env: ...]" help appends (the variable has its own field).</summary>
    private static string Description(Option option)
    {
        var text = option.Description ?? string.Empty;
        var marker = text.LastIndexOf(" [env: ", StringComparison.Ordinal);
        return (marker >= 0 ? text[..marker] : text).Trim();
    }
}
