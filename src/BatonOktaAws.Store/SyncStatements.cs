using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BatonOktaAws.Store;

/// <summary>The writer's prepared statements, compiled once and reused for every row. <c>$1</c> is always the sync id.</summary>
internal sealed partial class SyncStatements : IDisposable
{
    public SyncStatements(SqliteConnection connection)
    {
        try
        {
            // A user seen only by id (an app user whose embedded user was missing) must not wipe what a full
            // user object wrote, so the profile columns only change when this row carries a login.
            UpsertUser = new(connection, """
                INSERT INTO resources (sync_id, resource_type, id, display_name, login, email, secondary_email, status, first_name, last_name)
                VALUES ($1, 'user', $2, $3, $4, $5, $6, $7, $8, $9)
                ON CONFLICT (sync_id, resource_type, id) DO UPDATE SET
                    display_name = CASE WHEN excluded.login IS NULL THEN resources.display_name ELSE excluded.display_name END,
                    login = COALESCE(excluded.login, resources.login),
                    email = COALESCE(excluded.email, resources.email),
                    secondary_email = CASE WHEN excluded.login IS NULL THEN resources.secondary_email ELSE excluded.secondary_email END,
                    status = COALESCE(excluded.status, resources.status),
                    first_name = COALESCE(excluded.first_name, resources.first_name),
                    last_name = COALESCE(excluded.last_name, resources.last_name)
                """, 9);
            UpsertGroup = new(connection, """
                INSERT INTO resources (sync_id, resource_type, id, display_name, description, group_type, source_app_id, source_app_name)
                VALUES ($1, 'group', $2, $3, $4, $5, $6, $7)
                ON CONFLICT (sync_id, resource_type, id) DO UPDATE SET
                    display_name = excluded.display_name, description = excluded.description, group_type = excluded.group_type,
                    source_app_id = COALESCE(excluded.source_app_id, resources.source_app_id),
                    source_app_name = COALESCE(excluded.source_app_name, resources.source_app_name)
                """, 7);
            UpsertAccount = new(connection, """
                INSERT INTO resources (sync_id, resource_type, id, display_name) VALUES ($1, 'account', $2, $3)
                ON CONFLICT (sync_id, resource_type, id) DO NOTHING
                """, 3);
            InsertEntitlement = new(connection, """
                INSERT OR IGNORE INTO entitlements (sync_id, id, resource_type, resource_id, slug, display_name, description)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                """, 7);
            InsertGrant = new(connection, """
                INSERT OR IGNORE INTO grants (sync_id, id, entitlement_id, resource_type, resource_id, principal_type, principal_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                """, 7);
            InsertGrantSource = new(connection, "INSERT OR IGNORE INTO grant_sources (sync_id, grant_id, app_id, source) VALUES ($1, $2, $3, $4)", 4);
            PutAppUser = new(connection, "INSERT OR REPLACE INTO okta_app_users (sync_id, app_id, user_id, scope, saml_roles, role) VALUES ($1, $2, $3, $4, $5, $6)", 6);
            PutAppGroup = new(connection, "INSERT OR REPLACE INTO okta_app_groups (sync_id, app_id, group_id, priority, saml_roles, role) VALUES ($1, $2, $3, $4, $5, $6)", 6);
            PutMappedGroup = new(connection, "INSERT OR REPLACE INTO aws_mapped_groups (sync_id, app_id, group_id, account_id, role) VALUES ($1, $2, $3, $4, $5)", 5);
            PutAwsApp = new(connection, """
                INSERT OR REPLACE INTO aws_apps (sync_id, app_id, name, label, status, identity_provider_arn, account_id, join_all_roles,
                    use_group_mapping, group_filter, app_filter, role_value_pattern, saml_roles_union, role_list_available, settings_json)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
                """, 15);
            ClearRoleList = new(connection, "DELETE FROM aws_role_list WHERE sync_id = $1 AND app_id = $2", 2);
            InsertRole = new(connection, "INSERT OR IGNORE INTO aws_role_list (sync_id, app_id, role) VALUES ($1, $2, $3)", 3);
            PutCheckpoint = new(connection, "INSERT OR REPLACE INTO sync_streams (stream, next_url, pages, items, done) VALUES ($1, $2, $3, $4, $5)", 5);
            InsertWarning = new(connection, "INSERT INTO sync_warnings (sync_id, code, message, app_id, subject_type, subject_id) VALUES ($1, $2, $3, $4, $5, $6)", 6);
            PutIamExport = new(connection, "INSERT OR REPLACE INTO aws_iam_exports (sync_id, account_id, kind, source_file, exported_at, complete) VALUES ($1, $2, $3, $4, $5, $6)", 6);
            PutIamRole = new(connection, """
                INSERT OR REPLACE INTO aws_iam_roles (sync_id, account_id, name, arn, path, last_used_at, attached_policies, inline_policies,
                    permissions_boundary, admin_equivalent, admin_reasons, admin_complete, trusted_saml_providers)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                """, 13);
            PutIamUser = new(connection, """
                INSERT OR REPLACE INTO aws_iam_users (sync_id, account_id, name, arn, is_root, password_enabled, password_last_used, mfa_active,
                    active_access_keys, access_key_last_used, admin_equivalent)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                """, 11);
            PutRoleStatus = new(connection, """
                INSERT OR REPLACE INTO aws_role_status (sync_id, app_id, account_id, role, status, iam_role_arn, expected_arn, provider_arn, trust, notes)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                """, 10);
            ClearIam = new(connection, """
                DELETE FROM aws_iam_exports WHERE sync_id = $1; DELETE FROM aws_iam_roles WHERE sync_id = $1;
                DELETE FROM aws_iam_users WHERE sync_id = $1; DELETE FROM aws_role_status WHERE sync_id = $1;
                DELETE FROM sync_warnings WHERE sync_id = $1 AND code LIKE 'iam-%';
                """, 1);
            Admin = new AdminStatements(connection);
        }
        catch
        {
            // A statement that does not compile (a schema out of step) must not leave the others open on the connection.
            Dispose();
            throw;
        }
    }

    public Prepared UpsertUser { get; }
    public Prepared UpsertGroup { get; }
    public Prepared UpsertAccount { get; }
    public Prepared InsertEntitlement { get; }
    public Prepared InsertGrant { get; }
    public Prepared InsertGrantSource { get; }
    public Prepared PutAppUser { get; }
    public Prepared PutAppGroup { get; }
    public Prepared PutMappedGroup { get; }
    public Prepared PutAwsApp { get; }
    public Prepared ClearRoleList { get; }
    public Prepared InsertRole { get; }
    public Prepared PutCheckpoint { get; }
    public Prepared InsertWarning { get; }
    public Prepared PutIamExport { get; }
    public Prepared PutIamRole { get; }
    public Prepared PutIamUser { get; }
    public Prepared PutRoleStatus { get; }
    public Prepared ClearIam { get; }

    private IEnumerable<Prepared> All =>
    [
        UpsertUser, UpsertGroup, UpsertAccount, InsertEntitlement, InsertGrant, InsertGrantSource, PutAppUser,
        PutAppGroup, PutMappedGroup, PutAwsApp, ClearRoleList, InsertRole, PutCheckpoint, InsertWarning,
        PutIamExport, PutIamRole, PutIamUser, PutRoleStatus, ClearIam,
        .. Admin?.All ?? [],
    ];

    public void Dispose() => Prepared.DisposeAll(All);

    /// <summary>
    /// Statements with positional parameters <c>$1..$n</c>; values are always bound, never spliced into SQL. Compiled
    /// once on the connection's own SQLite handle and bound by position, because a sync writes hundreds of thousands
    /// of rows and the ADO.NET command path (parameters looked up by name, a data reader per execution) cost more
    /// than SQLite itself. The SQL may hold several statements (run in order, each using any of the values). A run
    /// belongs to whatever transaction the connection has open, like every statement on one SQLite connection; a
    /// failure is the <see cref="SqliteException"/> Microsoft.Data.Sqlite raises, worded the same.
    /// </summary>
    internal sealed class Prepared : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly List<(sqlite3_stmt Statement, int[] ValueOf)> _statements = [];
        private readonly int _parameterCount;

        public Prepared(SqliteConnection connection, string sql, int parameterCount)
        {
            ArgumentNullException.ThrowIfNull(connection);
            ArgumentException.ThrowIfNullOrWhiteSpace(sql);
            ArgumentOutOfRangeException.ThrowIfNegative(parameterCount);
            _db = connection.Handle ?? throw new InvalidOperationException("The connection must be open to prepare a statement.");
            _parameterCount = parameterCount;
            try
            {
                var used = new bool[parameterCount];
                for (var rest = sql; !string.IsNullOrWhiteSpace(rest);)
                {
                    var rc = raw.sqlite3_prepare_v2(_db, rest, out sqlite3_stmt statement, out string tail);
                    if (rc != raw.SQLITE_OK)
                    {
                        statement.Dispose();
                        throw Error(rc);
                    }

                    rest = tail;
                    if (statement.IsInvalid)
                    {
                        // Only a comment or a stray semicolon was left.
                        statement.Dispose();
                        continue;
                    }

                    var valueOf = new int[raw.sqlite3_bind_parameter_count(statement)];
                    _statements.Add((statement, valueOf));
                    for (var i = 0; i < valueOf.Length; i++)
                    {
                        var name = raw.sqlite3_bind_parameter_name(statement, i + 1).utf8_to_string();
                        if (name is not ['$', .. var digits]
                            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
                            || position < 1 || position > parameterCount)
                        {
                            throw new ArgumentException($"The parameter '{name}' is not one of $1..${parameterCount}: {sql}", nameof(sql));
                        }

                        valueOf[i] = position - 1;
                        used[position - 1] = true;
                    }
                }

                if (_statements.Count == 0)
                {
                    throw new ArgumentException("The SQL holds no statement.", nameof(sql));
                }

                if (Array.IndexOf(used, false) is var unused and >= 0)
                {
                    throw new ArgumentException($"The parameter ${unused + 1} is never used: {sql}", nameof(sql));
                }
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        /// <summary>Runs every statement with these values, <c>values[0]</c> being <c>$1</c>.</summary>
        public void Run(params object?[] values)
        {
            ArgumentNullException.ThrowIfNull(values);
            if (values.Length != _parameterCount)
            {
                throw new ArgumentException($"Expected {_parameterCount} values, got {values.Length}.", nameof(values));
            }

            foreach (var (statement, valueOf) in _statements)
            {
                var rc = raw.SQLITE_OK;
                for (var i = 0; i < valueOf.Length && rc == raw.SQLITE_OK; i++)
                {
                    rc = Bind(statement, i + 1, values[valueOf[i]], valueOf[i]);
                }

                if (rc == raw.SQLITE_OK)
                {
                    while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                    {
                        // A statement that returns rows (none of the writer's do) is stepped through, as ExecuteNonQuery does.
                    }
                }

                // Read the message before reset, which may replace it; reset and clear either way so no statement
                // stays active (that would block COMMIT and close) or keeps the values alive.
                var failure = rc is raw.SQLITE_OK or raw.SQLITE_DONE ? null : Error(rc);
                raw.sqlite3_reset(statement);
                raw.sqlite3_clear_bindings(statement);
                if (failure is not null)
                {
                    throw failure;
                }
            }
        }

        public void Dispose()
        {
            foreach (var (statement, _) in _statements)
            {
                statement.Dispose();
            }

            _statements.Clear();
        }

        /// <summary>Disposes each statement there is (a constructor that failed part way leaves some unset).</summary>
        public static void DisposeAll(IEnumerable<Prepared?> statements)
        {
            foreach (var statement in statements)
            {
                statement?.Dispose();
            }
        }

        private static int Bind(sqlite3_stmt statement, int index, object? value, int position) => value switch
        {
            null => raw.sqlite3_bind_null(statement, index),
            string text => raw.sqlite3_bind_text(statement, index, text),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            int number => raw.sqlite3_bind_int64(statement, index, number),
            bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
            double number => raw.sqlite3_bind_double(statement, index, number),
            _ => throw new ArgumentException($"Cannot bind a {value.GetType().Name} to ${position + 1}: bind text, integers, booleans, doubles or null.", nameof(value)),
        };

        private SqliteException Error(int rc) =>
            new($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc, raw.sqlite3_extended_errcode(_db));
    }
}
