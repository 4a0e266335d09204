using Microsoft.Data.Sqlite;

namespace BatonOktaAws.Store;

/// <summary>The writer's prepared statements, compiled once and reused for every row.</summary>
internal sealed class SyncStatements : IDisposable
{
    public SyncStatements(SqliteConnection connection)
    {
        UpsertUser = new(connection, """
            INSERT INTO resources (resource_type, id, display_name, login, email, secondary_email, status)
            VALUES ('user', $1, $2, $3, $4, $5, $6)
            ON CONFLICT (resource_type, id) DO UPDATE SET
                display_name = CASE WHEN excluded.login IS NULL THEN resources.display_name ELSE excluded.display_name END,
                login = COALESCE(excluded.login, resources.login),
                email = COALESCE(excluded.email, resources.email),
                secondary_email = CASE WHEN excluded.login IS NULL THEN resources.secondary_email ELSE excluded.secondary_email END,
                status = COALESCE(excluded.status, resources.status)
            """, 6);
        UpsertGroup = new(connection, """
            INSERT INTO resources (resource_type, id, display_name, description, group_type)
            VALUES ('group', $1, $2, $3, $4)
            ON CONFLICT (resource_type, id) DO UPDATE SET
                display_name = excluded.display_name, description = excluded.description, group_type = excluded.group_type
            """, 4);
        UpsertAccount = new(connection, """
            INSERT INTO resources (resource_type, id, display_name) VALUES ('account', $1, $2)
            ON CONFLICT (resource_type, id) DO NOTHING
            """, 2);
        InsertEntitlement = new(connection, """
            INSERT OR IGNORE INTO entitlements (id, resource_type, resource_id, slug, display_name, description)
            VALUES ($1, $2, $3, $4, $5, $6)
            """, 6);
        InsertGrant = new(connection, """
            INSERT OR IGNORE INTO grants (id, entitlement_id, resource_type, resource_id, principal_type, principal_id)
            VALUES ($1, $2, $3, $4, $5, $6)
            """, 6);
        InsertGrantSource = new(connection, "INSERT OR IGNORE INTO grant_sources (grant_id, source) VALUES ($1, $2)", 2);
        PutAppUser = new(connection, "INSERT OR REPLACE INTO okta_app_users (user_id, scope, saml_roles) VALUES ($1, $2, $3)", 3);
        PutAppGroup = new(connection, "INSERT OR REPLACE INTO okta_app_groups (group_id, priority, saml_roles) VALUES ($1, $2, $3)", 3);
        PutMappedGroup = new(connection, "INSERT OR REPLACE INTO aws_mapped_groups (group_id, account_id, role) VALUES ($1, $2, $3)", 3);
        PutAwsApp = new(connection, """
            INSERT OR REPLACE INTO aws_app (app_id, name, label, status, identity_provider_arn, account_id, join_all_roles,
                use_group_mapping, group_filter, role_value_pattern, saml_roles_union, role_list_available, settings_json)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            """, 13);
        ClearRoleList = new(connection, "DELETE FROM aws_role_list", 0);
        InsertRole = new(connection, "INSERT OR IGNORE INTO aws_role_list (role) VALUES ($1)", 1);
        PutCheckpoint = new(connection, "INSERT OR REPLACE INTO sync_streams (stream, next_url, pages, items, done) VALUES ($1, $2, $3, $4, $5)", 5);
        InsertWarning = new(connection, "INSERT INTO sync_warnings (run_id, code, message) VALUES ($1, $2, $3)", 3);
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

    private IEnumerable<Prepared> All =>
    [
        UpsertUser, UpsertGroup, UpsertAccount, InsertEntitlement, InsertGrant, InsertGrantSource, PutAppUser,
        PutAppGroup, PutMappedGroup, PutAwsApp, ClearRoleList, InsertRole, PutCheckpoint, InsertWarning,
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
