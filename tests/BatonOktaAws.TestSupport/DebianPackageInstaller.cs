using System.Diagnostics;

namespace BatonOktaAws.TestSupport;

/// <summary>
/// Installs the Debian packages tests need when they are missing, so the test suite passes on a fresh
/// Debian/Ubuntu machine with nothing but the .NET SDK. Installs with apt-get as root, else through
/// <c>sudo -n</c>; a lock file makes every process on the machine wait for one installation rather than run
/// apt-get side by side (test projects run in parallel). When a package cannot be installed, the exception says
/// which and how to install it by hand.
/// </summary>
public sealed class DebianPackageInstaller
{
    private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan AptTimeout = TimeSpan.FromMinutes(15);

    private readonly string _aptGet;
    private readonly string _lockPath;
    private readonly IReadOnlyList<string>? _elevation;
    private readonly TimeSpan _lockTimeout;

    /// <param name="aptGet">The apt-get to run.</param>
    /// <param name="lockPath">The machine-wide lock file; by default one in the system's temp directory.</param>
    /// <param name="elevation">The command prefix apt-get runs under (e.g. <c>sudo -n</c>); null decides: none as root, else <c>sudo -n</c> if allowed.</param>
    public DebianPackageInstaller(string aptGet = "apt-get", string? lockPath = null, IReadOnlyList<string>? elevation = null, TimeSpan? lockTimeout = null)
    {
        _aptGet = aptGet;
        _lockPath = lockPath ?? Path.Combine(Path.GetTempPath(), "baton-okta-aws-debian-packages.lock");
        _elevation = elevation;
        _lockTimeout = lockTimeout ?? TimeSpan.FromMinutes(20);
    }

    /// <summary>Makes sure every tool is present, installing the packages of those that are not.</summary>
    public void EnsureInstalled(params DebianTool[] tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        if (tools.All(tool => tool.IsPresent()))
        {
            return;
        }

        using var _ = AcquireLock(tools);

        // Another process may have installed them while this one waited for the lock.
        var missing = tools.Where(tool => !tool.IsPresent()).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var packages = missing.Select(tool => tool.Package).Distinct(StringComparer.Ordinal).ToList();
        var manual = $"install them with 'sudo apt-get install {string.Join(' ', packages)}'";
        if (!OperatingSystem.IsLinux() || (Path.IsPathRooted(_aptGet) ? !File.Exists(_aptGet) : DebianTool.FindOnPath(_aptGet) is null))
        {
            throw new InvalidOperationException($"Tests need {Describe(missing)}, which are missing, and apt-get is not available to install them; {manual} or your system's equivalent.");
        }

        var elevation = _elevation ?? DecideElevation()
            ?? throw new InvalidOperationException($"Tests need {Describe(missing)}, which are missing, and this user can install nothing (not root, and 'sudo -n' is not allowed); {manual}.");

        // A fresh machine may have no package lists yet: then install fails, and works after an update.
        var install = RunApt(elevation, ["install", "-y", "--no-install-recommends", .. packages]);
        if (install.ExitCode != 0)
        {
            var update = RunApt(elevation, ["update"]);
            install = update.ExitCode == 0 ? RunApt(elevation, ["install", "-y", "--no-install-recommends", .. packages]) : update;
        }

        var stillMissing = tools.Where(tool => !tool.IsPresent()).ToList();
        if (install.ExitCode != 0 || stillMissing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Tests need {Describe(stillMissing.Count > 0 ? stillMissing : missing)}, and 'apt-get install {string.Join(' ', packages)}' did not provide them "
                + $"(exit code {install.ExitCode}: {LastLine(install.Output)}); {manual}.");
        }
    }

    private static string Describe(IEnumerable<DebianTool> tools) => string.Join(", ", tools);

    private static string LastLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";

    private static IReadOnlyList<string>? DecideElevation()
    {
        if (Environment.IsPrivilegedProcess)
        {
            return [];
        }

        if (DebianTool.FindOnPath("sudo") is null)
        {
            return null;
        }

        return Run("sudo", ["-n", "true"], TimeSpan.FromSeconds(30)).ExitCode == 0 ? ["sudo", "-n"] : null;
    }

    private (int ExitCode, string Output) RunApt(IReadOnlyList<string> elevation, IReadOnlyList<string> arguments)
    {
        // env passes DEBIAN_FRONTEND through sudo, which may reset the environment; the lock timeout makes apt-get
        // wait for another apt or dpkg run on the machine instead of failing at once.
        IReadOnlyList<string> command = [.. elevation, "env", "DEBIAN_FRONTEND=noninteractive", _aptGet, "-o", "DPkg::Lock::Timeout=600", .. arguments];
        return Run(command[0], command.Skip(1).ToList(), AptTimeout);
    }

    private static (int ExitCode, string Output) Run(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout)
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

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{fileName}'.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"'{fileName}' did not finish within {timeout}");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    private FileStream AcquireLock(IReadOnlyList<DebianTool> tools)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive lock that the OS drops when the holder exits, however it exits.
                return new FileStream(_lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < _lockTimeout)
            {
                Thread.Sleep(LockPoll);
            }
            catch (IOException e)
            {
                throw new InvalidOperationException($"Tests need {Describe(tools)}; another process has held '{_lockPath}' (installing packages) for over {_lockTimeout}.", e);
            }
        }
    }
}
