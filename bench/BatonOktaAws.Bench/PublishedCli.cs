using System.Diagnostics;

namespace BatonOktaAws.Bench;

/// <summary>
/// The command line as it is installed: <c>dotnet publish src/BatonOktaAws.Cli -c Release</c> (precompiled,
/// ReadyToRun), published once per benchmark run into the harness's own folder. Measuring the build beside the
/// harness instead would add ~1.5 s of just-in-time compilation to every sync that no installation pays.
/// </summary>
internal static class PublishedCli
{
    public static async Task<string> PublishAsync()
    {
        var project = Path.Combine(RepositoryRoot(), "src", "BatonOktaAws.Cli", "BatonOktaAws.Cli.csproj");
        var output = Path.Combine(AppContext.BaseDirectory, "published-cli");
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", output, "-v", "quiet", "-nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish of the command line failed ({process.ExitCode}): {await stdout}{await stderr}");
        }

        return Path.Combine(output, "baton-okta-aws.dll");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "baton-okta-aws.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No baton-okta-aws.sln above {AppContext.BaseDirectory}: run the benchmark from a checkout, or pass --cli.");
    }
}
