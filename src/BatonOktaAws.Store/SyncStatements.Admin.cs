using Microsoft.Data.Sqlite;

namespace BatonOktaAws.Store;

internal sealed partial class SyncStatements
{
    public AdminStatements Admin { get; }

    /// <summary>The statements that write Okta's admin roles, custom roles and resource sets.</summary>
    internal sealed class AdminStatements
    {
        public AdminStatements(SqliteConnection connection)
        {
            try
            {
                PutRole = new(connection, """
                    INSERT OR REPLACE INTO okta_admin_roles (sync_id, assignee_type, assignee_id, assignment_id, role_type, role_id, label, status, resource_set_id)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                    """, 9);
                InsertTarget = new(connection, """
                    INSERT OR IGNORE INTO okta_admin_role_targets (sync_id, assignee_type, assignee_id, assignment_id, target_type, target_id, app_name, display_name)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                    """, 8);
                PutCustomRole = new(connection, "INSERT OR REPLACE INTO okta_custom_roles (sync_id, role_id, label, description) VALUES ($1, $2, $3, $4)", 4);
                InsertPermission = new(connection, "INSERT OR IGNORE INTO okta_custom_role_permissions (sync_id, role_id, permission) VALUES ($1, $2, $3)", 3);
                PutResourceSet = new(connection, "INSERT OR REPLACE INTO okta_resource_sets (sync_id, resource_set_id, label, description) VALUES ($1, $2, $3, $4)", 4);
                PutResource = new(connection, """
                    INSERT OR REPLACE INTO okta_resource_set_resources (sync_id, resource_set_id, resource_id, orn, kind, target_id, app_name)
                    VALUES ($1, $2, $3, $4, $5, $6, $7)
                    """, 7);
                PutBinding = new(connection, """
                    INSERT OR REPLACE INTO okta_resource_set_bindings (sync_id, resource_set_id, role_id, member_id, member_type, principal_id)
                    VALUES ($1, $2, $3, $4, $5, $6)
                    """, 6);
                UpsertRoleResource = new(connection, """
                    INSERT INTO resources (sync_id, resource_type, id, display_name, description) VALUES ($1, 'role', $2, $3, $4)
                    ON CONFLICT (sync_id, resource_type, id) DO UPDATE SET display_name = excluded.display_name, description = excluded.description
                    """, 4);
            }
            catch
            {
                Prepared.DisposeAll(All);
                throw;
            }
        }

        public Prepared PutRole { get; }
        public Prepared InsertTarget { get; }
        public Prepared PutCustomRole { get; }
        public Prepared InsertPermission { get; }
        public Prepared PutResourceSet { get; }
        public Prepared PutResource { get; }
        public Prepared PutBinding { get; }
        public Prepared UpsertRoleResource { get; }

        public IEnumerable<Prepared> All =>
            [PutRole, InsertTarget, PutCustomRole, InsertPermission, PutResourceSet, PutResource, PutBinding, UpsertRoleResource];
    }
}
