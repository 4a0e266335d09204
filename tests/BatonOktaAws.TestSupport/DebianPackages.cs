namespace BatonOktaAws.TestSupport;

/// <summary>
/// The machine's Debian packages, for tests that run Debian's tools (zstd, sqlite3, protoc, chromium, ...):
/// <c>DebianPackages.EnsureInstalled(DebianTool.ForCommand("zstd"), DebianTool.ForCommand("protoc", "protobuf-compiler"))</c>.
/// A no-op when everything is there; otherwise see <see cref="DebianPackageInstaller"/>.
/// </summary>
public static class DebianPackages
{
    private static readonly DebianPackageInstaller Installer = new();

    public static void EnsureInstalled(params DebianTool[] tools) => Installer.EnsureInstalled(tools);

    /// <summary>Commands that come in packages of the same name.</summary>
    public static void EnsureInstalled(params string[] commands) =>
        Installer.EnsureInstalled([.. commands.Select(command => DebianTool.ForCommand(command))]);
}
