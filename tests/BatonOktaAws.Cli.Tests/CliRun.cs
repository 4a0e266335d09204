using System.Diagnostics;
using BatonOktaAws.TestSupport;

namespace BatonOktaAws.Cli.Tests;

/// <summary>The outcome of one command-line run.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;
}

/// <summary>Runs the command line in-process with its own environment variables and captured output.</summary>
internal static class CliRun
{
    public static Task<CliResult> RunAsync(IReadOnlyDictionary<string, string>? variables, params string[] args) =>
        RunAsync(variables, CancellationToken.None, args);

    public static Task<CliResult> RunAsync(IReadOnlyDictionary<string, string>? variables, CancellationToken cancellationToken, params string[] args) =>
        RunCoreAsync(variables, errorIsTerminal: false, args, cancellationToken);

    /// <summary>As if standard error were an interactive terminal (the live progress display is drawn).</summary>
    public static Task<CliResult> RunOnTerminalAsync(IReadOnlyDictionary<string, string>? variables, params string[] args) =>
        RunCoreAsync(variables, errorIsTerminal: true, args, CancellationToken.None);

    private static async Task<CliResult> RunCoreAsync(IReadOnlyDictionary<string, string>? variables, bool errorIsTerminal, string[] args, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var env = new CliEnvironment(
            name => variables is not null && variables.TryGetValue(name, out var value) ? value : null,
            output,
            error,
            errorIsTerminal,
            TimeProvider.System);
        var code = await CliApplication.RunAsync(args, env, cancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>BATON_* variables pointing at a simulator, with the test token in BATON_API_TOKEN.</summary>
    public static Dictionary<string, string> Variables(OktaSimulator.OktaSimulatorServer simulator, string file) => new()
    {
        ["BATON_DOMAIN"] = simulator.Domain(),
        ["BATON_API_TOKEN"] = TestSimulator.Token,
        ["BATON_AWS_OKTA_APP_ID"] = simulator.State.AwsAppId!,
        ["BATON_FILE"] = file,
    };

    /// <summary>Runs the built executable as its own process (for exit codes and signals as the OS sees them).</summary>
    public static Task<CliResult> RunProcessAsync(IReadOnlyDictionary<string, string?> variables, params string[] args) =>
        WaitAsync(StartProcess(variables, args));

    /// <summary>Runs another build of the command line (e.g. the native executable) as its own process, in <paramref name="workingDirectory"/>.</summary>
    public static Task<CliResult> RunExecutableAsync(string executable, string workingDirectory, IReadOnlyDictionary<string, string?> variables, params string[] args)
    {
        var start = new ProcessStartInfo(executable, args) { WorkingDirectory = workingDirectory };
        return WaitAsync(Start(start, variables));
    }

    private static async Task<CliResult> WaitAsync(Process started)
    {
        using var process = started;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the built executable with only these BATON_ variables, output redirected.</summary>
    public static Process StartProcess(IReadOnlyDictionary<string, string?> variables, params string[] args) =>
        StartProcess(variables, interruptible: false, args);

    /// <summary>Starts the built executable with only these BATON_ variables, output redirected.</summary>
    /// <param name="interruptible">Whether SIGINT must reach it (<see cref="InterruptibleProcess"/>).</param>
    public static Process StartProcess(IReadOnlyDictionary<string, string?> variables, bool interruptible, params string[] args)
    {
        string[] arguments = [Path.Combine(AppContext.BaseDirectory, "baton-okta-aws.dll"), .. args];
        var start = interruptible ? InterruptibleProcess.StartInfo("dotnet", arguments) : new ProcessStartInfo("dotnet", arguments);
        return Start(start, variables);
    }

    private static Process Start(ProcessStartInfo start, IReadOnlyDictionary<string, string?> variables)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("BATON_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in variables)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>The lines of standard error (or any text), without blank ones.</summary>
    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
