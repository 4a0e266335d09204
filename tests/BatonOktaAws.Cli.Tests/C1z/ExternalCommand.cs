using System.Diagnostics;

namespace BatonOktaAws.Cli.Tests.C1z;

/// <summary>Runs a Debian tool to completion (optionally feeding a file on standard input); a non-zero exit fails the test.</summary>
internal static class ExternalCommand
{
    public static string Run(string fileName, IEnumerable<string> arguments, string? stdinFile = null)
    {
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
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), $"{fileName} did not finish");
        Assert.True(process.ExitCode == 0, $"{fileName} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}: {error.Result}");
        return output.Result;
    }
}
