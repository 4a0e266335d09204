namespace BatonOktaAws.Cli.Help;

/// <summary>What a command's --help teaches beyond its options: examples and the exit codes it may end with.</summary>
internal interface IDocumentedCommand
{
    IReadOnlyList<HelpExample> Examples { get; }

    IReadOnlyList<int> ExitCodes { get; }
}
