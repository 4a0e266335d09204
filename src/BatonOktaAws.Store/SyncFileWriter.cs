using System.Globalization;
using BatonOktaAws.Store.Model;
using Microsoft.Data.Sqlite;

namespace BatonOktaAws.Store;

/// <summary>
/// Writes a sync into <c>&lt;target&gt;.partial</c> and, only once the sync is complete, carries the previous
/// syncs of the target over (up to the number kept) and renames the partial file over the target in one atomic
/// step — so a failed, interrupted or killed sync never touches the previous file. Each batch commits pages
/// together with their checkpoints, which is what makes <c>--resume</c> safe.
/// </summary>
public sealed partial class SyncFileWriter : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly SyncStatements _statements;
    private readonly WrittenUsers _writtenUsers = new();
    private readonly SyncFilePaths _paths;
    private bool _completed;
    private bool _amending;

    private SyncFileWriter(SqliteConnection db, SyncFilePaths paths, long syncId, bool resumed)
    {
        _db = db;
        _paths = paths;
        SyncId = syncId;
        Resumed = resumed;
        _statements = new SyncStatements(db);
    }

    /// <summary>The running sync's id: one more than the newest sync in the target, so history keeps its order.</summary>
    public long SyncId { get; }

    /// <summary>True when this writer continues an interrupted sync's partial file.</summary>
    public bool Resumed { get; }

    /// <summary>
    /// Starts writing. With <paramref name="resume"/> and a partial file from the same domain, apps and
    /// options, continues it; otherwise any leftover partial file is discarded and a fresh one created (0600).
    /// </summary>
    /// <exception cref="SyncFileException">The partial file cannot be resumed.</exception>
    public static SyncFileWriter Start(SyncFilePaths paths, SyncRunStart run, bool resume)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(run);
        if (resume && File.Exists(paths.Partial))
        {
            return ResumePartial(paths, run);
        }

        DiscardPartial(paths);
        SqliteFiles.CreateOwnerOnly(paths.Partial);
        var db = SqliteFiles.Open(paths.Partial, SqliteOpenMode.ReadWrite);
        try
        {
            // auto_vacuum must be chosen before the first table: it lets completion hand free pages back cheaply.
            SqliteFiles.Execute(db, "PRAGMA auto_vacuum = INCREMENTAL;");
            ApplyWritePragmas(db);
            SqliteFiles.Execute(db, $"PRAGMA application_id = {SyncFileSchema.ApplicationId}; PRAGMA user_version = {SyncFileSchema.Version};");
            using (var tx = db.BeginTransaction())
            {
                SqliteFiles.Execute(db, SyncFileSchema.Create, tx);
                tx.Commit();
            }

            var syncId = SyncHistory.NewestSyncId(paths.Target) + 1;
            using var insert = db.CreateCommand();
            insert.CommandText = """
                INSERT INTO sync_runs (id, started_at, status, tool_version, okta_domain, app_selection, options)
                VALUES ($id, $started, 'running', $version, $domain, $apps, $options)
                """;
            insert.Parameters.AddWithValue("$id", syncId);
            insert.Parameters.AddWithValue("$started", run.StartedAt.ToString("O", CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$version", run.ToolVersion);
            insert.Parameters.AddWithValue("$domain", run.OktaDomain);
            insert.Parameters.AddWithValue("$apps", run.AppSelection);
            insert.Parameters.AddWithValue("$options", run.Options);
            insert.ExecuteNonQuery();
            return new SyncFileWriter(db, paths, syncId, resumed: false);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts amending a finished sync of the target (e.g. to attach IAM exports): the target is copied to the partial
    /// file, changed there, and renamed back by <see cref="CompleteAmend"/> — so a failure leaves the target as it was.
    /// </summary>
    /// <param name="syncId">The sync to amend; the latest when null.</param>
    /// <exception cref="SyncFileException">The target is not a sync file this version can amend, or holds no such sync.</exception>
    public static SyncFileWriter StartAmend(SyncFilePaths paths, long? syncId)
    {
        ArgumentNullException.ThrowIfNull(paths);
        long target;
        using (var reader = SyncFileReader.Open(paths.Target))
        {
            target = reader.Sync(syncId).SyncId;
        }

        DiscardAmendment(paths);
        File.Copy(paths.Target, paths.Amendment);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(paths.Amendment, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var db = SqliteFiles.Open(paths.Amendment, SqliteOpenMode.ReadWrite);
        ApplyWritePragmas(db);
        return new SyncFileWriter(db, paths, target, resumed: false) { _amending = true };
    }

    /// <summary>Finishes an amendment: folds the write-ahead log in and renames the partial file over the target.</summary>
    public void CompleteAmend()
    {
        if (!_amending)
        {
            throw new InvalidOperationException("CompleteAmend finishes a writer made by StartAmend; a new sync completes with Complete.");
        }

        SqliteFiles.Execute(_db, "PRAGMA incremental_vacuum; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;");
        _statements.Dispose();
        _db.Dispose();
        SqliteConnection.ClearPool(_db);
        File.Move(_paths.Amendment, _paths.Target, overwrite: true);
        _completed = true;
    }

    /// <summary>Deletes a leftover amendment and SQLite's side files.</summary>
    private static void DiscardAmendment(SyncFilePaths paths) => DeleteWithSideFiles(paths.Amendment);

    /// <summary>Deletes a leftover partial file and SQLite's side files.</summary>
    public static void DiscardPartial(SyncFilePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        DeleteWithSideFiles(paths.Partial);
    }

    private static void DeleteWithSideFiles(string database)
    {
        SqliteFiles.DeleteIfExists(database);
        foreach (var side in SyncFilePaths.SideFilesOf(database))
        {
            SqliteFiles.DeleteIfExists(side);
        }
    }

    public SyncBatch BeginBatch() => new(_db, _statements, _writtenUsers, SyncId);

    /// <summary>Where each list stopped, for resuming.</summary>
    public IReadOnlyDictionary<string, StreamCheckpoint> Checkpoints() =>
        SqliteFiles.Query(_db, "SELECT stream, next_url, pages, items, done FROM sync_streams", r =>
                new StreamCheckpoint(r.GetString(0), SqliteFiles.Text(r, 1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4) != 0))
            .ToDictionary(c => c.Stream, StringComparer.Ordinal);

    /// <summary>The group assignments stored so far, of every app (a resumed sync still has to read their members).</summary>
    public IReadOnlyList<AppGroupRecord> AppGroups() =>
        SqliteFiles.Query(_db, "SELECT app_id, group_id, priority, saml_roles, role FROM okta_app_groups WHERE sync_id = $sync ORDER BY app_id, group_id", ReadAppGroup, ("$sync", SyncId));

    /// <summary>The group-mapping groups stored so far, of every app.</summary>
    public IReadOnlyList<MappedGroupRecord> MappedGroups() =>
        SqliteFiles.Query(_db, "SELECT app_id, group_id, account_id, role FROM aws_mapped_groups WHERE sync_id = $sync ORDER BY app_id, group_id", r =>
            new MappedGroupRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)), ("$sync", SyncId));

    /// <summary>The AWS apps of this sync.</summary>
    public IReadOnlyList<AwsAppRecord> Apps() =>
        SqliteFiles.Query(_db, SyncQueries.Apps, SyncQueries.ReadApp, ("$sync", SyncId));

    /// <summary>Each (app, account, role) the sync's apps hand out to anyone, user or group.</summary>
    public IReadOnlyList<(string AppId, string AccountId, string Role)> RolesHandedOut() =>
        SqliteFiles.Query(_db, SyncQueries.RolesHandedOut, r => (r.GetString(0), r.GetString(1), r.GetString(2)), ("$sync", SyncId));

    /// <summary>The warnings this sync recorded.</summary>
    public IReadOnlyList<WarningRecord> Warnings() =>
        SqliteFiles.Query(_db, "SELECT code, message, app_id, subject_type, subject_id FROM sync_warnings WHERE sync_id = $sync ORDER BY rowid", r =>
            new WarningRecord(r.GetString(0), r.GetString(1), SqliteFiles.Text(r, 2), SqliteFiles.Text(r, 3), SqliteFiles.Text(r, 4)), ("$sync", SyncId));

    /// <summary>
    /// Every user of one app with the app's assigned groups and mapped groups they belong to, in user-id order
    /// and in chunks, so deriving access never holds more than one chunk (and the caller may write between chunks).
    /// The app's groups are read once (their roles parsed once) and every user in one of them is handed the same
    /// record; each user's memberships are read as group ids only.
    /// </summary>
    public IEnumerable<IReadOnlyList<AppUserMemberships>> AppUsersWithMemberships(string appId, int chunkSize)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        BuildIndex(SyncFileSchema.GrantsByPrincipal);
        var assigned = SqliteFiles.Query(_db, "SELECT app_id, group_id, priority, saml_roles, role FROM okta_app_groups WHERE sync_id = $sync AND app_id = $app", ReadAppGroup, ("$sync", SyncId), ("$app", appId))
            .ToDictionary(g => g.GroupId, StringComparer.Ordinal);
        var mapped = SqliteFiles.Query(_db, "SELECT app_id, group_id, account_id, role FROM aws_mapped_groups WHERE sync_id = $sync AND app_id = $app", r =>
                new MappedGroupRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)), ("$sync", SyncId), ("$app", appId))
            .ToDictionary(g => g.GroupId, StringComparer.Ordinal);
        var after = string.Empty;
        while (true)
        {
            var users = ReadAppUsers(appId, after, chunkSize);
            if (users.Count == 0)
            {
                yield break;
            }

            var last = users[^1].UserId;
            var groupsOf = ReadGroupMemberships(appId, after, last);
            var chunk = new List<AppUserMemberships>(users.Count);
            foreach (var user in users)
            {
                List<AppGroupRecord>? userAssigned = null;
                List<MappedGroupRecord>? userMapped = null;
                if (groupsOf.TryGetValue(user.UserId, out var groupIds))
                {
                    foreach (var groupId in groupIds)
                    {
                        if (assigned.TryGetValue(groupId, out var group))
                        {
                            (userAssigned ??= []).Add(group);
                        }

                        if (mapped.TryGetValue(groupId, out var mapping))
                        {
                            (userMapped ??= []).Add(mapping);
                        }
                    }
                }

                chunk.Add(new AppUserMemberships(user, userAssigned ?? [], userMapped ?? []));
            }

            yield return chunk;
            after = last;
        }
    }

    /// <summary>
    /// Records the sync as succeeded with its counts, carries over up to <paramref name="keepSyncs"/> − 1 earlier
    /// syncs from the target, folds the write-ahead log into the file, closes it and renames it over the target
    /// atomically.
    /// </summary>
    /// <param name="keepSyncs">How many syncs the file keeps, this one included (at least 1).</param>
    public SyncCompletion Complete(long requests, DateTimeOffset finishedAt, int keepSyncs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keepSyncs, 1);
        var counts = Count();
        using (var update = _db.CreateCommand())
        {
            update.CommandText = """
                UPDATE sync_runs SET finished_at = $finished, status = 'succeeded', requests = requests + $requests,
                    apps = $apps, users = $users, groups = $groups, accounts = $accounts, entitlements = $entitlements,
                    grants = $grants, access_rows = $access, warnings = $warnings
                WHERE id = $id
                """;
            update.Parameters.AddWithValue("$finished", finishedAt.ToString("O", CultureInfo.InvariantCulture));
            update.Parameters.AddWithValue("$requests", requests);
            update.Parameters.AddWithValue("$apps", counts.Apps);
            update.Parameters.AddWithValue("$users", counts.Users);
            update.Parameters.AddWithValue("$groups", counts.Groups);
            update.Parameters.AddWithValue("$accounts", counts.Accounts);
            update.Parameters.AddWithValue("$entitlements", counts.Entitlements);
            update.Parameters.AddWithValue("$grants", counts.Grants);
            update.Parameters.AddWithValue("$access", counts.AccessRows);
            update.Parameters.AddWithValue("$warnings", counts.Warnings);
            update.Parameters.AddWithValue("$id", SyncId);
            update.ExecuteNonQuery();
        }

        // The checkpoints only mattered while the sync could be resumed.
        SqliteFiles.Execute(_db, "DELETE FROM sync_streams;");
        var history = SyncHistory.CarryOver(_db, _paths.Target, SyncId, keepSyncs - 1);
        foreach (var index in SyncFileSchema.SecondaryIndexes)
        {
            BuildIndex(index);
        }

        // One self-contained, compact file: hand free pages back, fold the WAL in and stop using it before the rename.
        SqliteFiles.Execute(_db, "PRAGMA incremental_vacuum; PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;");
        _statements.Dispose();
        _db.Dispose();
        File.Move(_paths.Partial, _paths.Target, overwrite: true);
        _completed = true;
        return new SyncCompletion(SyncId, counts, history);
    }

    /// <summary>Adds requests made by a run that is being abandoned, so a resumed run can report the total.</summary>
    public void RecordRequests(long requests)
    {
        using var update = _db.CreateCommand();
        update.CommandText = "UPDATE sync_runs SET requests = requests + $requests WHERE id = $id";
        update.Parameters.AddWithValue("$requests", requests);
        update.Parameters.AddWithValue("$id", SyncId);
        update.ExecuteNonQuery();
    }

    public void Dispose()
    {
        if (!_completed)
        {
            _statements.Dispose();
            _db.Dispose();

            // An amendment that did not complete is thrown away: the target is as it was, and nothing is left to resume.
            if (_amending)
            {
                SqliteConnection.ClearPool(_db);
                DiscardAmendment(_paths);
            }
        }
    }

    private SyncCounts Count()
    {
        // Deriving built it already, unless no app was derived by this run (the count reads it).
        BuildIndex(SyncFileSchema.GrantsByPrincipal);
        long Scalar(string sql) => SqliteFiles.Scalar(_db, sql.Replace("$sync", SyncId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        return new SyncCounts(
            Scalar("SELECT COUNT(*) FROM aws_apps WHERE sync_id = $sync"),
            Scalar("SELECT COUNT(*) FROM resources WHERE sync_id = $sync AND resource_type = 'user'"),
            Scalar("SELECT COUNT(*) FROM resources WHERE sync_id = $sync AND resource_type = 'group'"),
            Scalar("SELECT COUNT(*) FROM resources WHERE sync_id = $sync AND resource_type = 'account'"),
            Scalar("SELECT COUNT(*) FROM entitlements WHERE sync_id = $sync"),
            Scalar("SELECT COUNT(*) FROM grants WHERE sync_id = $sync"),
            Scalar(AccessRowCount),
            Scalar("SELECT COUNT(*) FROM sync_warnings WHERE sync_id = $sync"));
    }

    /// <summary>
    /// How many rows <c>aws_role_access_history</c> has for this sync, counted without its joins for names and labels:
    /// a grant's <c>resource_type</c> is its entitlement's, so the user grants on accounts and their sources are the
    /// rows, as long as the user is one of the sync's users. Read from <c>grants_by_principal</c> alone (it holds
    /// every column needed); counting through the view looked every grant up again and took 0.65 s at 60,000 users.
    /// </summary>
    private const string AccessRowCount = """
        SELECT COUNT(*)
        FROM grants g INDEXED BY grants_by_principal
        JOIN grant_sources s ON s.sync_id = g.sync_id AND s.grant_id = g.id
        JOIN resources u ON u.sync_id = g.sync_id AND u.resource_type = 'user' AND u.id = g.principal_id
        WHERE g.sync_id = $sync AND g.principal_type = 'user' AND g.resource_type = 'account'
        """;

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
            select.CommandText = "SELECT id, okta_domain, app_selection, options FROM sync_runs WHERE status = 'running' ORDER BY id DESC LIMIT 1";
            using var reader = select.ExecuteReader();
            if (!reader.Read())
            {
                throw new SyncFileException($"Cannot resume: {paths.Partial} holds no unfinished sync; run without --resume.");
            }

            var (syncId, domain, apps, options) = (reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
            reader.Close();
            if (domain != run.OktaDomain || apps != run.AppSelection || options != run.Options)
            {
                throw new SyncFileException($"Cannot resume: the interrupted sync was of apps '{apps}' at {domain} with other options; run without --resume to start over.");
            }

            using (var update = db.CreateCommand())
            {
                update.CommandText = "UPDATE sync_runs SET resumes = resumes + 1 WHERE id = $id";
                update.Parameters.AddWithValue("$id", syncId);
                update.ExecuteNonQuery();
            }

            return new SyncFileWriter(db, paths, syncId, resumed: true);
        }
        catch (SqliteException ex)
        {
            db?.Dispose();
            throw new SyncFileException($"Cannot resume: {paths.Partial} is damaged ({ex.Message.Split('\n')[0].TrimEnd('.')}); run without --resume to start over.", ex);
        }
        catch
        {
            db?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// WAL + NORMAL: each committed batch survives a killed process, without an fsync per page. A small page cache
    /// (8 MB) and sorts (building the secondary indexes) spilling to SQLite's temporary files rather than memory:
    /// the writer inserts mostly in key order and reads what it wrote back in order, so pages that left the cache
    /// come back from the operating system's file cache; measured at L, a 32 MB or 256 MB cache and in-memory sorts
    /// cost 25–35 MB more peak memory for no CPU saved (docs/benchmarks.md).
    /// </summary>
    private static void ApplyWritePragmas(SqliteConnection db) =>
        SqliteFiles.Execute(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -8000;");

    /// <summary>Creates a secondary index unless the file has it (a resumed sync may have built it, an older version's partial file always has).</summary>
    private void BuildIndex(SecondaryIndex index)
    {
        if (SqliteFiles.Query(_db, "SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = $name", r => r.GetInt64(0), ("$name", index.Name)).Count == 0)
        {
            SqliteFiles.Execute(_db, index.Sql);
        }
    }

    private static AppGroupRecord ReadAppGroup(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt32(2), RolesJson.Read(r.GetString(3)), SqliteFiles.Text(r, 4));

    /// <summary>A chunk of the app's users in user-id order, each distinct samlRoles list parsed once (<see cref="RolesJson.Shared"/>).</summary>
    private List<AppUserRecord> ReadAppUsers(string appId, string after, int limit)
    {
        var roles = new RolesJson.Shared();
        return SqliteFiles.Query(
            _db,
            "SELECT app_id, user_id, scope, saml_roles, role FROM okta_app_users WHERE sync_id = $sync AND app_id = $app AND user_id > $after ORDER BY user_id LIMIT $limit",
            r => new AppUserRecord(r.GetString(0), r.GetString(1), r.GetString(2), roles.Read(r.GetString(3)), SqliteFiles.Text(r, 4)),
            ("$sync", SyncId),
            ("$app", appId),
            ("$after", after),
            ("$limit", limit));
    }

    /// <summary>
    /// The groups each of the app's users in (<paramref name="after"/>, <paramref name="last"/>] is a member of, in
    /// group-id order. Driven from the app's users, each looked up in <c>grants_by_principal</c>: the unary <c>+</c>
    /// keeps SQLite from turning the user-id range into a range scan of every principal's grants, which grows with
    /// every app derived before this one. Only ids are read; the caller keeps the groups that matter to the app.
    /// </summary>
    private Dictionary<string, List<string>> ReadGroupMemberships(string appId, string after, string last)
    {
        var groupsOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var memberships = SqliteFiles.Query(
            _db,
            """
            SELECT u.user_id, m.resource_id
            FROM okta_app_users u
            JOIN grants m INDEXED BY grants_by_principal
              ON m.sync_id = u.sync_id AND m.principal_type = 'user' AND m.principal_id = +u.user_id AND m.resource_type = 'group'
            WHERE u.sync_id = $sync AND u.app_id = $app AND u.user_id > $after AND u.user_id <= $last
            ORDER BY u.user_id, m.resource_id
            """,
            r => (UserId: r.GetString(0), GroupId: r.GetString(1)),
            ("$sync", SyncId),
            ("$app", appId),
            ("$after", after),
            ("$last", last));
        foreach (var (userId, groupId) in memberships)
        {
            if (!groupsOf.TryGetValue(userId, out var groups))
            {
                groups = [];
                groupsOf.Add(userId, groups);
            }

            groups.Add(groupId);
        }

        return groupsOf;
    }
}

/// <summary>An app user together with the groups that matter for their AWS access through that app.</summary>
public sealed record AppUserMemberships(AppUserRecord AppUser, IReadOnlyList<AppGroupRecord> AssignedGroups, IReadOnlyList<MappedGroupRecord> MappedGroups);

/// <summary>What completing a sync wrote: its id, its counts, and which earlier syncs the file kept.</summary>
public sealed record SyncCompletion(long SyncId, SyncCounts Counts, SyncHistoryResult History);
