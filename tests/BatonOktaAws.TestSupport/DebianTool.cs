namespace BatonOktaAws.TestSupport;

/// <summary>
/// Something a test needs from a Debian package, and how to tell it is there: a command on PATH (the package and
/// command names may differ: <c>protoc</c> comes in <c>protobuf-compiler</c>) or a file the package installs.
/// </summary>
public sealed record DebianTool
{
    private DebianTool(string package, string? command, string? file)
    {
        ArgumentException.ThrowIfNullOrEmpty(package);
        Package = package;
        Command = command;
        File = file;
    }

    public string Package { get; }

    public string? Command { get; }

    public string? File { get; }

    /// <summary>A command on PATH, from the package of the same name unless <paramref name="package"/> says otherwise.</summary>
    public static DebianTool ForCommand(string command, string? package = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        return new DebianTool(package ?? command, command, null);
    }

    /// <summary>A file that <paramref name="package"/> installs, e.g. a header or a .proto include.</summary>
    public static DebianTool ForFile(string path, string package)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new DebianTool(package, null, path);
    }

    public bool IsPresent() => Command is not null ? FindOnPath(Command) is not null : System.IO.File.Exists(File);

    /// <summary>The full path of an executable <paramref name="command"/> on PATH, or null.</summary>
    public static string? FindOnPath(string command)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, command);
            if (System.IO.File.Exists(candidate)
                && (OperatingSystem.IsWindows() || (System.IO.File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0))
            {
                return candidate;
            }
        }

        return null;
    }

    public override string ToString() => Command is not null
        ? Command == Package ? Command : $"{Command} (Debian package {Package})"
        : $"{File} (Debian package {Package})";
}
