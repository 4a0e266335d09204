using System.Globalization;
using BatonOktaAws.Store.Model;
using Microsoft.Data.Sqlite;

namespace BatonOktaAws.Store;

/// <summary>
/// Reads a finished sync file, read-only. Opening checks that it exists, is SQLite, is ours, is from a schema
/// this version understands and passes SQLite's quick integrity check; any later SQLite failure becomes a
/// <see cref="SyncFileException"/> naming the file. The file holds the latest syncs; <see cref="Sync"/> picks one.
/// </summary>
public sealed class SyncFileReader : IDisposable
{
    private readonly SqliteConnection _db;

    private SyncFileReader(SqliteConnection db, string path)
    {
        _db = db;
        Path = path;
    }

    public string Path { get; }

    /// <exception cref="SyncFileException">The file is missing, not a sync file, corrupt, unfinished or from another schema version.</exception>
    public static SyncFileReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            throw new SyncFileException($"{fullPath} is a directory, not a sync file; pass the sync file's path (e.g. {System.IO.Path.Combine(fullPath, "sync.db")}).");
        }

        if (!File.Exists(fullPath))
        {
            throw new SyncFileException($"Sync file {fullPath} does not exist; run `baton-okta-aws sync` first (or pass --file).");
        }

        try
        {
            if (!SqliteFiles.HasSqliteHeader(fullPath))
            {
                throw new SyncFileException($"{fullPath} is not a sync file (it is not an SQLite database).");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SyncFileException($"Cannot read sync file {fullPath}: {ex.Message}", ex);
        }

        SqliteConnection? db = null;
        try
        {
            db = SqliteFiles.Open(fullPath, SqliteOpenMode.ReadOnly);
            if (SqliteFiles.Scalar(db, "PRAGMA application_id") != SyncFileSchema.ApplicationId)
            {
                throw new SyncFileException($"{fullPath} is an SQLite database but not a baton-okta-aws sync file.");
            }

            var version = SqliteFiles.Scalar(db, "PRAGMA user_version");
            if (version > SyncFileSchema.Version)
            {
                throw new SyncFileException($"{fullPath} was written by a newer baton-okta-aws (sync file schema v{version}; this version reads v{SyncFileSchema.Version}); upgrade baton-okta-aws.");
            }

            if (version < 1)
            {
                throw new SyncFileException($"{fullPath} has no schema version; it is not a complete sync file.");
            }

            if (version < SyncFileSchema.Version)
            {
                throw new SyncFileException($"{fullPath} was written by an older baton-okta-aws (sync file schema v{version}; this version reads v{SyncFileSchema.Version}); run `baton-okta-aws sync` again to replace it.");
            }

            using (var check = db.CreateCommand())
            {
                check.CommandText = "PRAGMA quick_check(1)";
                var result = check.ExecuteScalar() as string;
                if (!string.Equals(result, "ok", StringComparison.Ordinal))
                {
                    throw new SyncFileException($"Sync file {fullPath} is corrupt ({result}); run `baton-okta-aws sync` again.");
                }
            }

            if (SqliteFiles.Scalar(db, "SELECT COUNT(*) FROM sync_runs WHERE status = 'succeeded'") == 0)
            {
                throw new SyncFileException($"Sync file {fullPath} holds no finished sync; run `baton-okta-aws sync` again.");
            }

            return new SyncFileReader(db, fullPath);
        }
        catch (SqliteException ex)
        {
            db?.Dispose();
            throw Corrupt(fullPath, ex);
        }
        catch
        {
            db?.Dispose();
            throw;
        }
    }

    /// <summary>Every finished sync in the file, newest first.</summary>
    public IReadOnlyList<SyncRunSummary> Syncs() => Guard(() => SqliteFiles.Query(
        _db,
        """
        SELECT id, started_at, finished_at, status, tool_version, okta_domain, app_selection, requests, resumes,
               apps, users, groups, accounts, entitlements, grants, access_rows, warnings
        FROM sync_runs WHERE status = 'succeeded' ORDER BY id DESC
        """,
        ReadRun));

    /// <summary>The latest finished sync.</summary>
    public SyncView Latest() => Sync(null);

    /// <summary>One finished sync of the file: the latest when <paramref name="syncId"/> is null.</summary>
    /// <exception cref="SyncFileException">The file holds no finished sync with that id.</exception>
    public SyncView Sync(long? syncId)
    {
        var syncs = Syncs();
        var run = syncId is null ? syncs[0] : syncs.FirstOrDefault(s => s.Id == syncId)
            ?? throw new SyncFileException($"Sync file {Path} holds no finished sync {syncId}; it holds {string.Join(", ", syncs.Select(s => s.Id))} (see `baton-okta-aws syncs`).");
        var previous = syncs.Where(s => s.Id < run.Id).Select(s => (long?)s.Id).FirstOrDefault();
        return new SyncView(this, run, previous);
    }

    public void Dispose() => _db.Dispose();

    internal List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters) =>
        Guard(() => SqliteFiles.Query(_db, sql, map, parameters));

    internal long Scalar(string sql, params (string Name, object? Value)[] parameters) => Guard(() =>
    {
        using var command = _db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    });

    /// <summary>Streams a query's rows without holding them all (for exports of large syncs).</summary>
    internal IEnumerable<T> Stream<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = _db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        SqliteDataReader reader;
        try
        {
            reader = command.ExecuteReader();
        }
        catch (SqliteException ex)
        {
            throw Corrupt(Path, ex);
        }

        using (reader)
        {
            while (true)
            {
                bool more;
                try
                {
                    more = reader.Read();
                }
                catch (SqliteException ex)
                {
                    throw Corrupt(Path, ex);
                }

                if (!more)
                {
                    yield break;
                }

                yield return map(reader);
            }
        }
    }

    internal T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (SqliteException ex)
        {
            throw Corrupt(Path, ex);
        }
    }

    private static SyncRunSummary ReadRun(SqliteDataReader r)
    {
        long Count(int i) => r.IsDBNull(i) ? 0 : r.GetInt64(i);
        return new SyncRunSummary(
            r.GetInt64(0),
            DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture),
            r.IsDBNull(2) ? null : DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture),
            r.GetString(3),
            r.GetString(4),
            r.GetString(5),
            r.GetString(6),
            r.GetInt64(7),
            r.GetInt32(8),
            new SyncCounts(Count(9), Count(10), Count(11), Count(12), Count(13), Count(14), Count(15), Count(16)));
    }

    private static SyncFileException Corrupt(string path, SqliteException ex) =>
        new($"Sync file {path} is unreadable or corrupt ({ex.Message.Split('\n')[0].TrimEnd('.')}); run `baton-okta-aws sync` again.", ex);
}
