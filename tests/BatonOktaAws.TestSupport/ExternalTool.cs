using System.Diagnostics;

namespace BatonOktaAws.TestSupport;

/// <summary>
/// Runs a command-line tool (zstd, sqlite3, protoc, ...) to completion, optionally feeding a file on standard input,
/// and returns what it printed; a tool that does not finish or exits non-zero fails the test with what it said.
/// </summary>
public static class ExternalTool
{
    public static string Run(string fileName, IEnumerable<string> arguments, string? stdinFile = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdinFile is not null)
        {
            using var input = File.OpenRead(stdinFile);
            input.CopyTo(process.StandardInput.BaseStream);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            throw new InvalidOperationException($"{fileName} did not finish");
        }

        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"{fileName} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}: {error.Result}");
    }
}
