using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Store;

public sealed partial class SyncFileWriter
{
    /// <summary>
    /// Finishes the admin roles once every list is read: a group holding a role that no group list described is
    /// recorded by id (with its membership entitlement), and every member of a group holding an admin role holds it
    /// too, through that group — the user grants <c>role:&lt;id&gt;:assigned:user:&lt;userId&gt;</c> with source
    /// <c>group:&lt;groupId&gt;</c>, from the group grants and the memberships read. Safe to run again.
    /// </summary>
    public void CompleteAdminRoles()
    {
        using var tx = _db.BeginTransaction();
        using var grants = _db.CreateCommand();
        grants.Transaction = tx;
        grants.CommandText = """
            INSERT OR IGNORE INTO resources (sync_id, resource_type, id, display_name)
            SELECT DISTINCT sync_id, 'group', assignee_id, assignee_id FROM okta_admin_roles WHERE sync_id = $sync AND assignee_type = 'group';

            INSERT OR IGNORE INTO entitlements (sync_id, id, resource_type, resource_id, slug, display_name, description)
            SELECT DISTINCT a.sync_id, 'group:' || a.assignee_id || ':member', 'group', a.assignee_id, 'member', r.display_name || ' member', 'Member of the Okta group ' || r.display_name
            FROM okta_admin_roles a JOIN resources r ON r.sync_id = a.sync_id AND r.resource_type = 'group' AND r.id = a.assignee_id
            WHERE a.sync_id = $sync AND a.assignee_type = 'group';

            INSERT OR IGNORE INTO grants (sync_id, id, entitlement_id, resource_type, resource_id, principal_type, principal_id)
            SELECT g.sync_id, g.entitlement_id || ':user:' || m.principal_id, g.entitlement_id, g.resource_type, g.resource_id, 'user', m.principal_id
            FROM grants g
            JOIN grants m ON m.sync_id = g.sync_id AND m.resource_type = 'group' AND m.resource_id = g.principal_id AND m.principal_type = 'user'
            WHERE g.sync_id = $sync AND g.resource_type = 'role' AND g.principal_type = 'group';

            INSERT OR IGNORE INTO grant_sources (sync_id, grant_id, app_id, source)
            SELECT g.sync_id, g.entitlement_id || ':user:' || m.principal_id, '', 'group:' || g.principal_id
            FROM grants g
            JOIN grants m ON m.sync_id = g.sync_id AND m.resource_type = 'group' AND m.resource_id = g.principal_id AND m.principal_type = 'user'
            WHERE g.sync_id = $sync AND g.resource_type = 'role' AND g.principal_type = 'group';
            """;
        grants.Parameters.AddWithValue("$sync", SyncId);
        grants.ExecuteNonQuery();
        tx.Commit();
    }

    /// <summary>Groups holding admin roles in what is written so far (a resumed sync still has to read their members).</summary>
    public IReadOnlyList<string> AdminRoleGroups() =>
        SqliteFiles.Query(_db, "SELECT DISTINCT assignee_id FROM okta_admin_roles WHERE sync_id = $sync AND assignee_type = 'group' ORDER BY assignee_id", r => r.GetString(0), ("$sync", SyncId));

    /// <summary>The admin role assignments, holders, custom roles and resource sets this sync wrote so far.</summary>
    public AdminRoleCounts AdminRoleCounts()
    {
        long Count(string sql) => SqliteFiles.Query(_db, sql, r => r.GetInt64(0), ("$sync", SyncId))[0];
        return new AdminRoleCounts(
            Count("SELECT COUNT(*) FROM okta_admin_roles WHERE sync_id = $sync"),
            Count("SELECT COUNT(DISTINCT assignee_id) FROM okta_admin_roles WHERE sync_id = $sync AND assignee_type = 'user'"),
            Count("SELECT COUNT(DISTINCT assignee_id) FROM okta_admin_roles WHERE sync_id = $sync AND assignee_type = 'group'"),
            Count("SELECT COUNT(*) FROM okta_custom_roles WHERE sync_id = $sync"),
            Count("SELECT COUNT(*) FROM okta_resource_sets WHERE sync_id = $sync"));
    }
}
