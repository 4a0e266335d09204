using System.Diagnostics;

namespace BatonOktaAws.Bench;

/// <summary>
/// The command line as it is installed: <c>dotnet publish src/BatonOktaAws.Cli -c Release</c> (precompiled,
/// ReadyToRun), or with <c>--native</c> as a Native AOT executable (<c>-p:PublishAot=true</c>, which needs clang
/// and zlib's headers), published once per benchmark run into the harness's own folder. Measuring the build beside
/// the harness instead would add ~1.5 s of just-in-time compilation to every sync that no installation pays.
/// </summary>
internal static class PublishedCli
{
    /// <returns>The <c>baton-okta-aws.dll</c> to run with <c>dotnet</c>, or the native executable.</returns>
    public static async Task<string> PublishAsync(bool native)
    {
        var project = Path.Combine(RepositoryRoot(), "src", "BatonOktaAws.Cli", "BatonOktaAws.Cli.csproj");
        var output = Path.Combine(AppContext.BaseDirectory, native ? "published-cli-native" : "published-cli");
        List<string> arguments = ["publish", project, "-c", "Release", "-o", output, "-v", "quiet", "-nologo"];
        if (native)
        {
            arguments.Add("-p:PublishAot=true");
        }

        var start = new ProcessStartInfo("dotnet", arguments)
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

        return Path.Combine(output, native ? "baton-okta-aws" : "baton-okta-aws.dll");
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
