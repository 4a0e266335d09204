using System.Globalization;
using BatonOktaAws.Store.Model;
using Microsoft.Data.Sqlite;

namespace BatonOktaAws.Store;

/// <summary>
/// Writes a sync into <c>&lt;target&gt;.partial</c> and, only once the sync is complete, renames it over the
/// target in one atomic step — so a failed, interrupted or killed sync never touches the previous file.
/// Each batch commits one page and its checkpoint together, which is what makes <c>--resume</c> safe.
/// </summary>
public sealed class SyncFileWriter : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly SyncStatements _statements;
    private readonly SyncFilePaths _paths;
    private bool _completed;

    private SyncFileWriter(SqliteConnection db, SyncFilePaths paths, long runId, bool resumed)
    {
        _db = db;
        _paths = paths;
        RunId = runId;
        Resumed = resumed;
        _statements = new SyncStatements(db);
    }

    public long RunId { get; }

    /// <summary>True when this writer continues an interrupted sync's partial file.</summary>
    public bool Resumed { get; }

    /// <summary>
    /// Starts writing. With <paramref name="resume"/> and a partial file from the same domain, app and
    /// options, continues it; otherwise any leftover partial file is discarded and a fresh one created (0600).
    /// </summary>
    /// <exception cref="SyncFileException">The partial file cannot be resumed.</exception>
    public static SyncFileWriter Start(SyncFilePaths paths, SyncRunStart run, bool resume)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(run);
        Directory.CreateDirectory(Path.GetDirectoryName(paths.Target)!);
        if (resume && File.Exists(paths.Partial))
        {
            return ResumePartial(paths, run);
        }

        DiscardPartial(paths);
        SqliteFiles.CreateOwnerOnly(paths.Partial);
        var db = SqliteFiles.Open(paths.Partial, SqliteOpenMode.ReadWrite);
        try
        {
            ApplyWritePragmas(db);
            SqliteFiles.Execute(db, $"PRAGMA application_id = {SyncFileSchema.ApplicationId}; PRAGMA user_version = {SyncFileSchema.Version};");
            using (var tx = db.BeginTransaction())
            {
                SqliteFiles.Execute(db, SyncFileSchema.Create, tx);
                tx.Commit();
            }

            using var insert = db.CreateCommand();
            insert.CommandText = """
                INSERT INTO sync_runs (started_at, status, tool_version, okta_domain, app_id, options)
                VALUES ($started, 'running', $version, $domain, $app, $options) RETURNING id
                """;
            insert.Parameters.AddWithValue("$started", run.StartedAt.ToString("O", CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$version", run.ToolVersion);
            insert.Parameters.AddWithValue("$domain", run.OktaDomain);
            insert.Parameters.AddWithValue("$app", run.AppId);
            insert.Parameters.AddWithValue("$options", run.Options);
            var runId = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
            return new SyncFileWriter(db, paths, runId, resumed: false);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>Deletes a leftover partial file and SQLite's side files.</summary>
    public static void DiscardPartial(SyncFilePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        SqliteFiles.DeleteIfExists(paths.Partial);
        foreach (var side in paths.PartialSideFiles)
        {
            SqliteFiles.DeleteIfExists(side);
        }
    }

    public SyncBatch BeginBatch() => new(_db, _statements, RunId);

    /// <summary>Where each list stopped, for resuming.</summary>
    public IReadOnlyDictionary<string, StreamCheckpoint> Checkpoints() =>
        SqliteFiles.Query(_db, "SELECT stream, next_url, pages, items, done FROM sync_streams", r =>
                new StreamCheckpoint(r.GetString(0), SqliteFiles.Text(r, 1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4) != 0))
            .ToDictionary(c => c.Stream, StringComparer.Ordinal);

    /// <summary>The group assignments stored so far (a resumed sync still has to read their members).</summary>
    public IReadOnlyList<AppGroupRecord> AppGroups() =>
        SqliteFiles.Query(_db, "SELECT group_id, priority, saml_roles FROM okta_app_groups ORDER BY group_id", r =>
            new AppGroupRecord(r.GetString(0), r.IsDBNull(1) ? null : r.GetInt32(1), RolesJson.Read(r.GetString(2))));

    /// <summary>The group-mapping groups stored so far.</summary>
    public IReadOnlyList<MappedGroupRecord> MappedGroups() =>
        SqliteFiles.Query(_db, "SELECT group_id, account_id, role FROM aws_mapped_groups ORDER BY group_id", r =>
            new MappedGroupRecord(r.GetString(0), r.GetString(1), r.GetString(2)));

    /// <summary>The warnings this run recorded.</summary>
    public IReadOnlyList<string> Warnings() =>
        SqliteFiles.Query(_db, "SELECT message FROM sync_warnings WHERE run_id = $run ORDER BY rowid", r => r.GetString(0), ("$run", RunId));

    /// <summary>
    /// Every app user with the assigned and mapped groups they belong to, in user-id order and in chunks, so
    /// deriving access never holds more than one chunk (and the caller may write between chunks).
    /// </summary>
    public IEnumerable<IReadOnlyList<AppUserMemberships>> AppUsersWithMemberships(int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var after = string.Empty;
        while (true)
        {
            var users = ReadAppUsers(after, chunkSize);
            if (users.Count == 0)
            {
                yield break;
            }

            var last = users[^1].UserId;
            var assigned = ReadMemberships(after, last, """
                SELECT m.principal_id, ag.group_id, ag.priority, ag.saml_roles
                FROM grants m JOIN okta_app_groups ag ON ag.group_id = m.resource_id
                WHERE m.principal_type = 'user' AND m.resource_type = 'group' AND m.principal_id > $after AND m.principal_id <= $last
                """, r => new AppGroupRecord(r.GetString(1), r.IsDBNull(2) ? null : r.GetInt32(2), RolesJson.Read(r.GetString(3))));
            var mapped = ReadMemberships(after, last, """
                SELECT m.principal_id, mg.group_id, mg.account_id, mg.role
                FROM grants m JOIN aws_mapped_groups mg ON mg.group_id = m.resource_id
                WHERE m.principal_type = 'user' AND m.resource_type = 'group' AND m.principal_id > $after AND m.principal_id <= $last
                """, r => new MappedGroupRecord(r.GetString(1), r.GetString(2), r.GetString(3)));

            yield return [.. users.Select(u => new AppUserMemberships(
                u,
                assigned.TryGetValue(u.UserId, out var a) ? a : [],
                mapped.TryGetValue(u.UserId, out var m) ? m : []))];
            after = last;
        }
    }

    /// <summary>
    /// Records the run as succeeded with its counts, folds the write-ahead log into the file, closes it and
    /// renames it over the target atomically.
    /// </summary>
    public SyncCounts Complete(long requests, DateTimeOffset finishedAt)
    {
        var counts = Count();
        using (var update = _db.CreateCommand())
        {
            update.CommandText = """
                UPDATE sync_runs SET finished_at = $finished, status = 'succeeded', requests = requests + $requests,
                    users = $users, groups = $groups, accounts = $accounts, entitlements = $entitlements,
                    grants = $grants, access_rows = $access, warnings = $warnings
                WHERE id = $id
                """;
            update.Parameters.AddWithValue("$finished", finishedAt.ToString("O", CultureInfo.InvariantCulture));
            update.Parameters.AddWithValue("$requests", requests);
            update.Parameters.AddWithValue("$users", counts.Users);
            update.Parameters.AddWithValue("$groups", counts.Groups);
            update.Parameters.AddWithValue("$accounts", counts.Accounts);
            update.Parameters.AddWithValue("$entitlements", counts.Entitlements);
            update.Parameters.AddWithValue("$grants", counts.Grants);
            update.Parameters.AddWithValue("$access", counts.AccessRows);
            update.Parameters.AddWithValue("$warnings", counts.Warnings);
            update.Parameters.AddWithValue("$id", RunId);
            update.ExecuteNonQuery();
        }

        // One self-contained file: fold the WAL back in and stop using it before the rename.
        SqliteFiles.Execute(_db, "PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;");
        _statements.Dispose();
        _db.Dispose();
        File.Move(_paths.Partial, _paths.Target, overwrite: true);
        _completed = true;
        return counts;
    }

    /// <summary>Adds requests made by a run that is being abandoned, so a resumed run can report the total.</summary>
    public void RecordRequests(long requests)
    {
        using var update = _db.CreateCommand();
        update.CommandText = "UPDATE sync_runs SET requests = requests + $requests WHERE id = $id";
        update.Parameters.AddWithValue("$requests", requests);
        update.Parameters.AddWithValue("$id", RunId);
        update.ExecuteNonQuery();
    }

    public void Dispose()
    {
        if (!_completed)
        {
            _statements.Dispose();
            _db.Dispose();
        }
    }

    private SyncCounts Count() => new(
        SqliteFiles.Scalar(_db, "SELECT COUNT(*) FROM resources WHERE resource_type = 'user'"),
        SqliteFiles.Scalar(_db, "SELECT COUNT(*) FROM resources WHERE resource_type = 'group'"),
        SqliteFiles.Scalar(_db, "SELECT COUNT(*) FROM resources WHERE resource_type = 'account'"),
        SqliteFiles.Scalar(_db, "SELECT COUNT(*) FROM entitlements"),
        SqliteFiles.Scalar(_db, "SELECT COUNT(*) FROM grants"),
        SqliteFiles.Scalar(_db, "SELECT COUNT(*) FROM aws_role_access"),
        SqliteFiles.Scalar(_db, "SELECT COUNT(*) FROM sync_warnings WHERE run_id = (SELECT MAX(id) FROM sync_runs)"));

    private static SyncFileWriter ResumePartial(SyncFilePaths paths, SyncRunStart run)
    {
        SqliteConnection? db = null;
        try
        {
            if (!SqliteFiles.HasSqliteHeader(paths.Partial))
            {
                throw new SyncFileException($"Cannot resume: {paths.Partial} is not a sync file; run without --resume to start over.");
            }

            db = SqliteFiles.Open(paths.Partial, SqliteOpenMode.ReadWrite);
            ApplyWritePragmas(db);
            if (SqliteFiles.Scalar(db, "PRAGMA application_id") != SyncFileSchema.ApplicationId
                || SqliteFiles.Scalar(db, "PRAGMA user_version") != SyncFileSchema.Version)
            {
                throw new SyncFileException($"Cannot resume: {paths.Partial} was not written by this version of baton-okta-aws; run without --resume to start over.");
            }

            using var select = db.CreateCommand();
            select.CommandText = "SELECT id, okta_domain, app_id, options FROM sync_runs WHERE status = 'running' ORDER BY id DESC LIMIT 1";
            using var reader = select.ExecuteReader();
            if (!reader.Read())
            {
                throw new SyncFileException($"Cannot resume: {paths.Partial} holds no unfinished sync; run without --resume.");
            }

            var (runId, domain, app, options) = (reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
            reader.Close();
            if (domain != run.OktaDomain || app != run.AppId || options != run.Options)
            {
                throw new SyncFileException($"Cannot resume: the interrupted sync was of app {app} at {domain} with other options; run without --resume to start over.");
            }

            using (var update = db.CreateCommand())
            {
                update.CommandText = "UPDATE sync_runs SET resumes = resumes + 1 WHERE id = $id";
                update.Parameters.AddWithValue("$id", runId);
                update.ExecuteNonQuery();
            }

            return new SyncFileWriter(db, paths, runId, resumed: true);
        }
        catch (SqliteException ex)
        {
            db?.Dispose();
            throw new SyncFileException($"Cannot resume: {paths.Partial} is damaged ({ex.Message}); run without --resume to start over.", ex);
        }
        catch
        {
            db?.Dispose();
            throw;
        }
    }

    private static void ApplyWritePragmas(SqliteConnection db) =>
        // WAL + NORMAL: each committed batch survives a killed process, without an fsync per page.
        SqliteFiles.Execute(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32000;");

    private List<AppUserRecord> ReadAppUsers(string after, int limit) =>
        SqliteFiles.Query(
            _db,
            "SELECT user_id, scope, saml_roles FROM okta_app_users WHERE user_id > $after ORDER BY user_id LIMIT $limit",
            r => new AppUserRecord(r.GetString(0), r.GetString(1), RolesJson.Read(r.GetString(2))),
            ("$after", after),
            ("$limit", limit));

    private Dictionary<string, List<T>> ReadMemberships<T>(string after, string last, string sql, Func<SqliteDataReader, T> read) =>
        SqliteFiles.Query(_db, sql, r => (UserId: r.GetString(0), Item: read(r)), ("$after", after), ("$last", last))
            .GroupBy(m => m.UserId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Item).ToList(), StringComparer.Ordinal);
}
