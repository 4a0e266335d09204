using System.Globalization;
using BatonOktaAws.Store.Model;
using Microsoft.Data.Sqlite;

namespace BatonOktaAws.Store;

/// <summary>
/// Reads a finished sync file, read-only. Opening checks that it exists, is SQLite, is ours, is from a schema
/// this version understands and passes SQLite's quick integrity check; any later SQLite failure becomes a
/// <see cref="SyncFileException"/> naming the file.
/// </summary>
public sealed class SyncFileReader : IDisposable
{
    /// <summary>The tables holding synced data (table names are only ever taken from this list).</summary>
    private static readonly string[] DataTables =
        ["resources", "entitlements", "grants", "grant_sources", "okta_app_users", "okta_app_groups", "aws_mapped_groups", "aws_app", "aws_role_list"];

    private readonly SqliteConnection _db;

    private SyncFileReader(SqliteConnection db, string path)
    {
        _db = db;
        Path = path;
    }

    public string Path { get; }

    /// <exception cref="SyncFileException">The file is missing, not a sync file, corrupt, unfinished or from a newer version.</exception>
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
        catch (IOException ex)
        {
            throw new SyncFileException($"Cannot read sync file {fullPath}: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
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
                throw new SyncFileException($"{fullPath} was written by a newer baton-okta-aws (sync file schema v{version}; this version reads up to v{SyncFileSchema.Version}); upgrade baton-okta-aws.");
            }

            if (version < 1)
            {
                throw new SyncFileException($"{fullPath} has no schema version; it is not a complete sync file.");
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

    /// <summary>Who can assume which role, ordered by login, account, role and source.</summary>
    public IReadOnlyList<AccessRow> Access(AccessFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Guard(() => SqliteFiles.Query(
            _db,
            """
            SELECT a.user_id, a.login, a.user_status, a.account_id, a.role, a.source, g.display_name
            FROM aws_role_access a
            LEFT JOIN resources g ON g.resource_type = 'group' AND g.id = substr(a.source, 7) AND a.source LIKE 'group:%'
            WHERE ($user IS NULL OR a.user_id = $user OR a.login = $user COLLATE NOCASE)
              AND ($account IS NULL OR a.account_id = $account)
              AND ($role IS NULL OR a.role = $role)
            ORDER BY a.login COLLATE NOCASE, a.user_id, a.account_id, a.role, a.source
            """,
            r => new AccessRow(r.GetString(0), SqliteFiles.Text(r, 1), SqliteFiles.Text(r, 2), r.GetString(3), r.GetString(4), r.GetString(5), SqliteFiles.Text(r, 6)),
            ("$user", filter.User),
            ("$account", filter.AccountId),
            ("$role", filter.Role)));
    }

    /// <summary>The latest finished run.</summary>
    public SyncRunSummary LatestRun() => Guard(() =>
    {
        using var command = _db.CreateCommand();
        command.CommandText = """
            SELECT id, started_at, finished_at, status, tool_version, okta_domain, app_id, requests, resumes,
                   users, groups, accounts, entitlements, grants, access_rows, warnings
            FROM sync_runs WHERE status = 'succeeded' ORDER BY id DESC LIMIT 1
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return new SyncRunSummary(
            reader.GetInt64(0),
            DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
            reader.IsDBNull(2) ? null : DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture),
            reader.GetString(3),
            reader.GetString(4),
            reader.GetString(5),
            reader.GetString(6),
            reader.GetInt64(7),
            reader.GetInt32(8),
            new SyncCounts(reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11), reader.GetInt64(12), reader.GetInt64(13), reader.GetInt64(14), reader.GetInt64(15)));
    });

    public AwsAppRecord? AwsApp() => Guard(() =>
    {
        using var command = _db.CreateCommand();
        command.CommandText = """
            SELECT app_id, name, label, status, identity_provider_arn, account_id, join_all_roles, use_group_mapping,
                   group_filter, role_value_pattern, saml_roles_union, role_list_available, settings_json
            FROM aws_app LIMIT 1
            """;
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new AwsAppRecord(
            reader.GetString(0), Text(1), Text(2), Text(3), Text(4), Text(5), reader.GetInt64(6) != 0, reader.GetInt64(7) != 0,
            Text(8), Text(9), reader.GetInt64(10) != 0, reader.GetInt64(11) != 0, reader.GetString(12));
    });

    /// <summary>Group-mapping groups granting a role in an account, with their names (for messages that point at them).</summary>
    public IReadOnlyList<(MappedGroupRecord Group, string Name)> MappedGroups(string accountId, string role) => Guard(() => SqliteFiles.Query(
        _db,
        """
        SELECT mg.group_id, mg.account_id, mg.role, COALESCE(r.display_name, mg.group_id)
        FROM aws_mapped_groups mg LEFT JOIN resources r ON r.resource_type = 'group' AND r.id = mg.group_id
        WHERE mg.account_id = $account AND mg.role = $role ORDER BY mg.group_id
        """,
        r => (new MappedGroupRecord(r.GetString(0), r.GetString(1), r.GetString(2)), r.GetString(3)),
        ("$account", accountId),
        ("$role", role)));

    /// <summary>Every row of a table, for tests and tools that compare two sync files (table names are a fixed list).</summary>
    public IReadOnlyList<string> DumpTable(string table)
    {
        if (!DataTables.Contains(table))
        {
            throw new ArgumentException($"'{table}' is not a data table of the sync file.", nameof(table));
        }

        return Guard(() =>
        {
            using var command = _db.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add(string.Join('|', values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
            }

            rows.Sort(StringComparer.Ordinal);
            return rows;
        });
    }

    /// <summary>Rows in each data table (what a sync wrote), for the benchmark's rows-per-second.</summary>
    public IReadOnlyDictionary<string, long> RowCounts() => Guard(() =>
        DataTables.ToDictionary(t => t, t => SqliteFiles.Scalar(_db, $"SELECT COUNT(*) FROM {t}"), StringComparer.Ordinal));

    public void Dispose() => _db.Dispose();

    /// <summary>Whether the file holds a user with this id, or this login (case-insensitive).</summary>
    public bool HasUser(string idOrLogin) => Exists(
        "SELECT EXISTS (SELECT 1 FROM resources WHERE resource_type = 'user' AND (id = $value OR login = $value COLLATE NOCASE))", idOrLogin);

    /// <summary>Whether the file holds this AWS account.</summary>
    public bool HasAccount(string accountId) => Exists(
        "SELECT EXISTS (SELECT 1 FROM resources WHERE resource_type = 'account' AND id = $value)", accountId);

    /// <summary>Whether any account of the file has this AWS role as an entitlement (role names are case-sensitive in AWS).</summary>
    public bool HasRole(string role) => Exists(
        "SELECT EXISTS (SELECT 1 FROM entitlements WHERE resource_type = 'account' AND slug = $value)", role);

    private bool Exists(string sql, string value) => Guard(() =>
    {
        using var command = _db.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$value", value);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) != 0;
    });

    private T Guard<T>(Func<T> read)
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

    private static SyncFileException Corrupt(string path, SqliteException ex) =>
        new($"Sync file {path} is unreadable or corrupt ({ex.Message.Split('\n')[0].TrimEnd('.')}); run `baton-okta-aws sync` again.", ex);
}
