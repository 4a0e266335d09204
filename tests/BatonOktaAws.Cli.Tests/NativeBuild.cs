using System.Diagnostics;
using BatonOktaAws.TestSupport;

namespace BatonOktaAws.Cli.Tests;

/// <summary>
/// The command line published as Native AOT (the README's <c>dotnet publish ... -p:PublishAot=true</c>), once for
/// the tests that use it: it needs clang, lld and zlib's headers, installed like the suite's other Debian tools.
/// </summary>
public sealed class NativeBuild : IDisposable
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);
    private readonly TempDirectory _output = new();

    public NativeBuild()
    {
        DebianPackages.EnsureInstalled(
            DebianTool.ForCommand("clang"),
            DebianTool.ForCommand("ld.lld", "lld"),
            DebianTool.ForFile("/usr/include/zlib.h", "zlib1g-dev"));
        var project = Path.Combine(RepositoryRoot.Path, "src", "BatonOktaAws.Cli", "BatonOktaAws.Cli.csproj");
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-p:PublishAot=true", "-o", _output.Path, "-nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(PublishTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"dotnet publish -p:PublishAot=true did not finish within {PublishTimeout.TotalMinutes} minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish -p:PublishAot=true failed ({process.ExitCode}):\n{stdout.Result}{stderr.Result}");
        }

        Executable = _output.File("baton-okta-aws");
    }

    /// <summary>The native executable.</summary>
    public string Executable { get; }

    public void Dispose() => _output.Dispose();
}
