using Microsoft.Data.Sqlite;

namespace BatonOktaAws.Store;

/// <summary>
/// Checks, before a sync spends any of Okta's rate limit, that its target can be written: the path is not a
/// directory, its directory exists and is writable, and whatever is already there is a sync file of ours — never
/// another program's file or database, unless the caller forces it. Leaves nothing behind.
/// </summary>
public static class SyncTarget
{
    /// <exception cref="SyncFileException">The target cannot or must not be written; the message says why and what to do.</exception>
    public static void Check(SyncFilePaths paths, bool force)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var target = paths.Target;
        if (Directory.Exists(target))
        {
            throw new SyncFileException($"{target} is a directory; pass a file name for the sync file (e.g. {Path.Combine(target, "sync.db")}).");
        }

        var directory = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(directory))
        {
            // A typo in a cron line should not create a tree of directories somewhere unexpected.
            throw new SyncFileException($"The directory {directory} for the sync file does not exist; create it first.");
        }

        RefuseSpecial(target, "the sync file");
        RefuseSpecial(paths.Partial, "the unfinished sync's partial file");
        ProbeWritable(directory);
        RefuseForeign(target, force, "the sync file");
        RefuseForeign(paths.Partial, force, "the unfinished sync's partial file");
    }

    /// <summary>Whether <paramref name="path"/> is an SQLite database (a sync file or another program's data), which a text output must never replace.</summary>
    public static bool IsSqliteDatabase(string path) => File.Exists(path) && FileKind.SpecialFileAt(path) is null && SqliteFiles.HasSqliteHeader(path);

    /// <summary>What is at <paramref name="path"/>, in words, when it is not a sync file this version may replace; else null.</summary>
    public static string? DescribeForeign(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return null;
        }

        try
        {
            if (!SqliteFiles.HasSqliteHeader(path))
            {
                return "is not a sync file (it is not an SQLite database)";
            }

            using var db = SqliteFiles.Open(path, SqliteOpenMode.ReadOnly);
            if (SqliteFiles.Scalar(db, "PRAGMA application_id") != SyncFileSchema.ApplicationId)
            {
                return "is an SQLite database of another program, not a baton-okta-aws sync file";
            }

            var version = SqliteFiles.Scalar(db, "PRAGMA user_version");
            return version > SyncFileSchema.Version
                ? $"is a sync file of a newer baton-okta-aws (schema v{version}; this version writes v{SyncFileSchema.Version}), whose history would be lost"
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException)
        {
            return $"cannot be read to check that it is a sync file ({ex.Message.Split('\n')[0].TrimEnd('.')})";
        }
    }

    /// <summary>A device, pipe or socket is never replaced, even with --force: the rename would destroy it (see <see cref="FileKind"/>).</summary>
    private static void RefuseSpecial(string path, string what)
    {
        if (FileKind.SpecialFileAt(path) is { } kind)
        {
            throw new SyncFileException($"Refusing to write {what} to {path}: it is {kind}, not a file, and would be replaced. Pass a file path.");
        }
    }

    private static void RefuseForeign(string path, bool force, string what)
    {
        if (force || DescribeForeign(path) is not { } description)
        {
            return;
        }

        throw new SyncFileException($"Refusing to replace {path} ({what}): it {description}. Pass another --file, or --force to replace it.");
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
            throw new SyncFileException($"Cannot write in {directory} ({ex.Message.Split('\n')[0].TrimEnd('.')}); the sync file and its partial file are written there.", ex);
        }
    }
}
