using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Core.Baton.Export;

/// <summary>
/// Checks, before anything is read or synced, that a c1z can be written at a path: not a directory, in a directory
/// that exists and is writable, not the sync file itself, and not replacing a file that is not a c1z unless forced — so a mistyped
/// path cannot destroy another file.
/// </summary>
public static class C1zTarget
{
    /// <param name="syncFile">The sync file read or written alongside, which the c1z must not overwrite.</param>
    /// <exception cref="C1zException">The path must not or cannot be written; the message says why and what to do.</exception>
    public static string Check(string path, bool force, string? syncFile = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var target = Path.GetFullPath(path);
        if (Directory.Exists(target))
        {
            throw new C1zException($"'{target}' is a directory; pass a file name for the c1z (e.g. {Path.Combine(target, "sync.c1z")}).");
        }

        var directory = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(directory))
        {
            throw new C1zException($"The directory {directory} for the c1z does not exist; create it first.");
        }

        if (Store.FileKind.SpecialFileAt(target) is { } kind)
        {
            // Never replaced, even with --force: the c1z is renamed into place, which would destroy it.
            throw new C1zException($"Refusing to write the c1z to '{target}': it is {kind}, not a file, and would be replaced. Pass a file path.");
        }

        ProbeWritable(directory);
        if (syncFile is not null && IsSameFile(target, Path.GetFullPath(syncFile)))
        {
            throw new C1zException($"'{target}' is the sync file itself; write the c1z to another path (e.g. {Path.ChangeExtension(target, ".c1z")}).");
        }

        if (!force && File.Exists(target) && !IsC1zOrEmpty(target))
        {
            throw new C1zException($"Refusing to replace '{target}': it is not a c1z file (it does not start with Baton's C1Z header). Pass another path, or --force to replace it.");
        }

        return target;
    }

    /// <summary>Whether the file starts with a c1z header (<c>C1Z</c>, any version).</summary>
    public static bool IsC1z(string path)
    {
        if (Store.FileKind.SpecialFileAt(path) is not null)
        {
            // Opening a named pipe to read its header would wait for a writer.
            return false;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        Span<byte> header = stackalloc byte[3];
        return stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header.SequenceEqual("C1Z"u8);
    }

    private static bool IsC1zOrEmpty(string path)
    {
        try
        {
            return new FileInfo(path).Length == 0 || IsC1z(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new C1zException($"Cannot read '{path}' to check that it is a c1z file ({ex.Message.Split('\n')[0].TrimEnd('.')}).", ex);
        }
    }

    private static void ProbeWritable(string directory)
    {
        var probe = Path.Combine(directory, $".baton-okta-aws-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new C1zException($"Cannot write in {directory} ({ex.Message.Split('\n')[0].TrimEnd('.')}); the c1z and its scratch files are written there.", ex);
        }
    }

    private static bool IsSameFile(string a, string b) =>
        string.Equals(a, b, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
}
