namespace BatonOktaAws.Cli;

/// <summary>
/// What a command may touch outside itself: environment variables, standard output and error, whether
/// standard error is a terminal, and the clock. Tests substitute every part.
/// </summary>
public sealed record CliEnvironment(
    Func<string, string?> GetVariable,
    TextWriter Out,
    TextWriter Error,
    bool ErrorIsTerminal,
    TimeProvider Time)
{
    public static CliEnvironment FromProcess() => new(
        Environment.GetEnvironmentVariable,
        Console.Out,
        Console.Error,
        !Console.IsErrorRedirected,
        TimeProvider.System);

    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var informational = typeof(CliEnvironment).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
            .FirstOrDefault()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
