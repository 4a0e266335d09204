using BatonOktaAws.TestSupport;

namespace BatonOktaAws.Store.Tests.C1z;

/// <summary>
/// The installer runs a stand-in apt-get (a shell script that logs its arguments and, for <c>install</c>, creates
/// the file the tool is probed by), so its decisions are tested without touching the machine's packages.
/// </summary>
public sealed class DebianPackageInstallerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Log => _temp.File("apt.log");

    [Fact]
    public void EnsureInstalled_ToolAlreadyPresent_RunsNoAptGet()
    {
        var installer = Installer(FakeAptGet(exitCode: 0));

        installer.EnsureInstalled(DebianTool.ForCommand("sh", "dash"), DebianTool.ForFile(typeof(DebianPackageInstallerTests).Assembly.Location, "anything"));

        Assert.False(File.Exists(Log));
    }

    [Fact]
    public void EnsureInstalled_FileMissing_InstallsItsPackageOnceWithoutRecommends()
    {
        var probe = _temp.File("usr-include-thing.proto");
        var installer = Installer(FakeAptGet(exitCode: 0, creates: probe));

        installer.EnsureInstalled(DebianTool.ForFile(probe, "libthing-dev"), DebianTool.ForCommand("sh", "dash"));
        installer.EnsureInstalled(DebianTool.ForFile(probe, "libthing-dev"));

        Assert.Equal(["-o DPkg::Lock::Timeout=600 install -y --no-install-recommends libthing-dev"], File.ReadAllLines(Log));
    }

    [Fact]
    public void EnsureInstalled_InstallFailsUntilListsAreUpdated_UpdatesThenInstalls()
    {
        var probe = _temp.File("tool");
        var installer = Installer(FakeAptGet(exitCode: 0, creates: probe, failsBeforeUpdate: true));

        installer.EnsureInstalled(DebianTool.ForFile(probe, "pkg-a"));

        Assert.Equal(
            ["-o DPkg::Lock::Timeout=600 install -y --no-install-recommends pkg-a", "-o DPkg::Lock::Timeout=600 update", "-o DPkg::Lock::Timeout=600 install -y --no-install-recommends pkg-a"],
            File.ReadAllLines(Log));
    }

    [Fact]
    public void EnsureInstalled_AptGetCannotInstall_ThrowsNamingThePackageAndTheManualCommand()
    {
        var installer = Installer(FakeAptGet(exitCode: 100));
        var missing = DebianTool.ForCommand("no-such-command-c1z-test", "no-such-package-c1z-test");

        var error = Assert.Throws<InvalidOperationException>(() => installer.EnsureInstalled(missing));

        Assert.Equal(
            "Tests need no-such-command-c1z-test (Debian package no-such-package-c1z-test), and 'apt-get install no-such-package-c1z-test' did not provide them "
            + "(exit code 100: E: Unable to locate package); install them with 'sudo apt-get install no-such-package-c1z-test'.",
            error.Message);
    }

    [Fact]
    public void EnsureInstalled_AptGetMissing_ThrowsSayingHowToInstall()
    {
        var installer = new DebianPackageInstaller(aptGet: _temp.File("no-apt-get"), lockPath: _temp.File("lock"), elevation: []);

        var error = Assert.Throws<InvalidOperationException>(() => installer.EnsureInstalled(DebianTool.ForFile(_temp.File("x"), "pkg-x")));

        Assert.Equal(
            $"Tests need {_temp.File("x")} (Debian package pkg-x), which are missing, and apt-get is not available to install them; "
            + "install them with 'sudo apt-get install pkg-x' or your system's equivalent.",
            error.Message);
    }

    [Fact]
    public void EnsureInstalled_ManyCallersAtOnce_InstallOnce()
    {
        var probe = _temp.File("shared-tool");
        var installer = Installer(FakeAptGet(exitCode: 0, creates: probe));
        var other = Installer(FakeAptGet(exitCode: 0, creates: probe));

        Parallel.For(0, 8, i => (i % 2 == 0 ? installer : other).EnsureInstalled(DebianTool.ForFile(probe, "pkg-shared")));

        Assert.Equal(["-o DPkg::Lock::Timeout=600 install -y --no-install-recommends pkg-shared"], File.ReadAllLines(Log));
    }

    [Fact]
    public void EnsureInstalled_LockHeldTooLong_ThrowsNamingTheLock()
    {
        var lockPath = _temp.File("lock");
        using var held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var installer = new DebianPackageInstaller(FakeAptGet(exitCode: 0), lockPath, elevation: [], lockTimeout: TimeSpan.Zero);

        var error = Assert.Throws<InvalidOperationException>(() => installer.EnsureInstalled(DebianTool.ForFile(_temp.File("y"), "pkg-y")));

        Assert.Contains($"another process has held '{lockPath}'", error.Message, StringComparison.Ordinal);
    }

    private DebianPackageInstaller Installer(string aptGet) => new(aptGet, _temp.File("lock"), elevation: []);

    /// <summary>A stand-in apt-get: logs its arguments; "install" exits with <paramref name="exitCode"/> and creates <paramref name="creates"/>.</summary>
    private string FakeAptGet(int exitCode, string? creates = null, bool failsBeforeUpdate = false)
    {
        var script = _temp.File($"apt-get-{Guid.NewGuid():N}");
        var updated = _temp.File("updated");
        File.WriteAllText(script, $$"""
            #!/bin/sh
            echo "$*" >> '{{Log}}'
            if [ "$3" = update ]; then touch '{{updated}}'; exit 0; fi
            {{(failsBeforeUpdate ? $"[ -e '{updated}' ] || {{ echo 'E: Unable to locate package'; exit 100; }}" : string.Empty)}}
            {{(exitCode != 0 ? $"echo 'E: Unable to locate package'; exit {exitCode}" : string.Empty)}}
            {{(creates is null ? string.Empty : $"touch '{creates}'")}}
            exit 0
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return script;
    }
}
