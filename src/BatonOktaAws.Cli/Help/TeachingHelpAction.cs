using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;

namespace BatonOktaAws.Cli.Help;

/// <summary>
/// System.CommandLine's help (description, usage, options — each with its BATON_ variable), followed by the
/// command's examples, where its options can also come from, and its exit codes.
/// </summary>
internal sealed class TeachingHelpAction : SynchronousCommandLineAction
{
    private readonly HelpAction _standard;

    public TeachingHelpAction(HelpAction standard) => _standard = standard;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var result = _standard.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        if (parseResult.CommandResult.Command is IDocumentedCommand documented)
        {
            Write(output, documented);
        }

        return result;
    }

    /// <summary>Replaces the root's help action (it serves every subcommand's --help too).</summary>
    public static void Install(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new TeachingHelpAction((HelpAction)help.Action!);
    }

    private static void Write(TextWriter output, IDocumentedCommand command)
    {
        if (command.Examples.Count > 0)
        {
            output.WriteLine("Examples:");
            foreach (var example in command.Examples)
            {
                output.WriteLine($"  # {example.Purpose}");
                output.WriteLine($"  {example.CommandLine}");
            }

            output.WriteLine();
        }

        if (command is Command { Options.Count: > 0 })
        {
            output.WriteLine("Environment:");
            output.WriteLine("  Every option can also come from its variable, shown as [env: BATON_...] above; the command line wins.");
            output.WriteLine("  A switch's variable takes true/false (also 1/0, yes/no, on/off).");
            output.WriteLine();
        }

        output.WriteLine("Exit codes:");
        foreach (var code in command.ExitCodes)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {code,-4} {ExitCode.Meaning(code)}"));
        }

        output.WriteLine();
    }
}
