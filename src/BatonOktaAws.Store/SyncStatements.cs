using Microsoft.Data.Sqlite;

namespace BatonOktaAws.Store;

/// <summary>The writer's prepared statements, compiled once and reused for every row. <c>$1</c> is always the sync id.</summary>
internal sealed partial class SyncStatements : IDisposable
{
    public SyncStatements(SqliteConnection connection)
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
        .. Admin.All,
    ];

    public void Enlist(SqliteTransaction transaction)
    {
        foreach (var statement in All)
        {
            statement.Command.Transaction = transaction;
        }
    }

    public void Dispose()
    {
        foreach (var statement in All)
        {
            statement.Command.Dispose();
        }
    }

    /// <summary>A statement with positional parameters <c>$1..$n</c>; values are always bound, never spliced into SQL.</summary>
    internal sealed class Prepared
    {
        private readonly SqliteParameter[] _parameters;

        public Prepared(SqliteConnection connection, string sql, int parameterCount)
        {
            Command = connection.CreateCommand();
            Command.CommandText = sql;
            _parameters = new SqliteParameter[parameterCount];
            for (var i = 0; i < parameterCount; i++)
            {
                _parameters[i] = Command.Parameters.Add(new SqliteParameter("$" + (i + 1), null));
            }
        }

        public SqliteCommand Command { get; }

        public void Run(params object?[] values)
        {
            for (var i = 0; i < _parameters.Length; i++)
            {
                _parameters[i].Value = values[i] switch
                {
                    null => DBNull.Value,
                    bool b => b ? 1 : 0,
                    var v => v,
                };
            }

            Command.ExecuteNonQuery();
        }
    }
}
