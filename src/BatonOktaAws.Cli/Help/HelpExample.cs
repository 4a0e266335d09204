namespace BatonOktaAws.Cli.Help;

/// <summary>One example in a command's help: what it does, and the command line.</summary>
internal sealed record HelpExample(string Purpose, string CommandLine);
