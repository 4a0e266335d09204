namespace BatonOktaAws.Cli;

/// <summary>
/// Keeps the command line Baton-shaped: with no subcommand, <c>sync</c> runs; Baton's one-shot flags on the
/// root (<c>--grant-entitlement</c>, <c>--grant-principal-type</c>, <c>--grant-principal</c>,
/// <c>--revoke-grant</c>) become the <c>grant</c> and <c>revoke</c> subcommands.
/// </summary>
internal static class ArgumentRewriter
{
    private static readonly string[] RootOnly = ["-h", "--help", "-?", "/?", "/h", "--version"];

    private static readonly (string Baton, string Ours)[] GrantFlags =
    [
        ("--grant-entitlement", "--entitlement"),
        ("--grant-principal-type", "--principal-type"),
        ("--grant-principal", "--principal"),
    ];

    public static string[] Rewrite(IReadOnlyList<string> args, IReadOnlyCollection<string> subcommands)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(subcommands);
        if (args.Count == 0)
        {
            return ["sync"];
        }

        var first = args[0];
        if (subcommands.Contains(first) || first.StartsWith('[') || (args.Count == 1 && RootOnly.Contains(first)))
        {
            return [.. args];
        }

        if (!first.StartsWith('-'))
        {
            // An unknown word: let the parser say so.
            return [.. args];
        }

        // Flags before the command (`--log-format json access --file x`): a command word that is not a flag's value
        // (the word before it is not a flag) is the command, wherever it stands.
        for (var i = 1; i < args.Count; i++)
        {
            if (subcommands.Contains(args[i]) && !args[i - 1].StartsWith('-'))
            {
                return [args[i], .. args.Take(i), .. args.Skip(i + 1)];
            }
        }

        if (args.Any(a => IsFlag(a, "--revoke-grant")))
        {
            return ["revoke", .. args.Select(a => Rename(a, "--revoke-grant", "--grant"))];
        }

        if (args.Any(a => GrantFlags.Any(f => IsFlag(a, f.Baton))))
        {
            return ["grant", .. args.Select(a => GrantFlags.Aggregate(a, (current, f) => Rename(current, f.Baton, f.Ours)))];
        }

        return ["sync", .. args];
    }

    private static bool IsFlag(string arg, string flag) =>
        arg == flag || arg.StartsWith(flag + "=", StringComparison.Ordinal);

    private static string Rename(string arg, string from, string to) =>
        IsFlag(arg, from) ? to + arg[from.Length..] : arg;
}
