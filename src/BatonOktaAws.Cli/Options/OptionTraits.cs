using System.CommandLine;
using System.Runtime.CompilerServices;

namespace BatonOktaAws.Cli.Options;

/// <summary>
/// What an option is beyond its type, for the <c>config</c> schema: required (a command cannot run without it,
/// from the flag or its variable — so not System.CommandLine's Required, which knows nothing of variables),
/// secret, or one of a set of which exactly one must be given. Declared where the option is defined.
/// </summary>
internal static class OptionTraits
{
    private static readonly ConditionalWeakTable<Option, Traits> Table = [];

    public static T MarkRequired<T>(this T option)
        where T : Option
    {
        Of(option).Required = true;
        return option;
    }

    public static T MarkSecret<T>(this T option)
        where T : Option
    {
        Of(option).Secret = true;
        return option;
    }

    /// <summary>Exactly one of the options must be given (Baton's at-least-one and mutually-exclusive constraints).</summary>
    public static void ExactlyOneOf(params Option[] options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var option in options)
        {
            Of(option).OneOf = options;
        }
    }

    public static bool IsRequired(Option option) => Table.TryGetValue(option, out var traits) && traits.Required;

    public static bool IsSecret(Option option) => Table.TryGetValue(option, out var traits) && traits.Secret;

    /// <summary>The set this option is one of (itself included), or null.</summary>
    public static IReadOnlyList<Option>? OneOf(Option option) => Table.TryGetValue(option, out var traits) ? traits.OneOf : null;

    private static Traits Of(Option option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return Table.GetOrCreateValue(option);
    }

    private sealed class Traits
    {
        public bool Required { get; set; }
        public bool Secret { get; set; }
        public IReadOnlyList<Option>? OneOf { get; set; }
    }
}
