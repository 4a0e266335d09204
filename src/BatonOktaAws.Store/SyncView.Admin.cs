using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Store;

public sealed partial class SyncView
{
    /// <summary>Every admin role assignment the sync read, ordered by holder and assignment.</summary>
    public IReadOnlyList<AdminRoleAssignmentRecord> AdminRoles() => _file.Query(
        """
        SELECT assignee_type, assignee_id, assignment_id, role_type, role_id, label, status, resource_set_id
        FROM okta_admin_roles WHERE sync_id = $sync ORDER BY assignee_type, assignee_id, assignment_id
        """,
        r => new AdminRoleAssignmentRecord(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), SqliteFiles.Text(r, 5), SqliteFiles.Text(r, 6), SqliteFiles.Text(r, 7)),
        _sync);

    /// <summary>The targets of the standard role assignments.</summary>
    public IReadOnlyList<AdminRoleTargetRecord> AdminRoleTargets() => _file.Query(
        """
        SELECT assignee_type, assignee_id, assignment_id, target_type, target_id, app_name, display_name
        FROM okta_admin_role_targets WHERE sync_id = $sync ORDER BY assignee_type, assignee_id, assignment_id, target_type, target_id
        """,
        r => new AdminRoleTargetRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), SqliteFiles.Text(r, 5), SqliteFiles.Text(r, 6)),
        _sync);

    /// <summary>The custom roles the sync read, with their permissions.</summary>
    public IReadOnlyList<CustomRoleRecord> CustomRoles()
    {
        var permissions = _file.Query(
                "SELECT role_id, permission FROM okta_custom_role_permissions WHERE sync_id = $sync ORDER BY role_id, permission",
                r => (Role: r.GetString(0), Permission: r.GetString(1)),
                _sync)
            .GroupBy(p => p.Role, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => p.Permission)], StringComparer.Ordinal);
        return _file.Query(
            "SELECT role_id, label, description FROM okta_custom_roles WHERE sync_id = $sync ORDER BY role_id",
            r => new CustomRoleRecord(r.GetString(0), SqliteFiles.Text(r, 1), SqliteFiles.Text(r, 2), permissions.GetValueOrDefault(r.GetString(0)) ?? []),
            _sync);
    }

    public IReadOnlyList<ResourceSetRecord> ResourceSets() => _file.Query(
        "SELECT resource_set_id, label, description FROM okta_resource_sets WHERE sync_id = $sync ORDER BY resource_set_id",
        r => new ResourceSetRecord(r.GetString(0), SqliteFiles.Text(r, 1), SqliteFiles.Text(r, 2)),
        _sync);

    public IReadOnlyList<ResourceSetResourceRecord> ResourceSetResources() => _file.Query(
        """
        SELECT resource_set_id, resource_id, orn, kind, target_id, app_name
        FROM okta_resource_set_resources WHERE sync_id = $sync ORDER BY resource_set_id, resource_id
        """,
        r => new ResourceSetResourceRecord(r.GetString(0), r.GetString(1), SqliteFiles.Text(r, 2), r.GetString(3), SqliteFiles.Text(r, 4), SqliteFiles.Text(r, 5)),
        _sync);

    public IReadOnlyList<ResourceSetBindingRecord> ResourceSetBindings() => _file.Query(
        """
        SELECT resource_set_id, role_id, member_id, member_type, principal_id
        FROM okta_resource_set_bindings WHERE sync_id = $sync ORDER BY resource_set_id, role_id, member_id
        """,
        r => new ResourceSetBindingRecord(r.GetString(0), r.GetString(1), r.GetString(2), SqliteFiles.Text(r, 3), SqliteFiles.Text(r, 4)),
        _sync);

    /// <summary>The groups that grant an AWS role through an app: who adds a member to one gives that role.</summary>
    public IReadOnlyList<GroupRoleGrantRecord> GroupRoleGrants() => _file.Query(
        """
        SELECT s.app_id, g.principal_id, e.resource_id, e.slug
        FROM grants g
        JOIN grant_sources s ON s.sync_id = g.sync_id AND s.grant_id = g.id
        JOIN entitlements e  ON e.sync_id = g.sync_id AND e.id = g.entitlement_id
        WHERE g.sync_id = $sync AND g.principal_type = 'group' AND e.resource_type = 'account' AND s.app_id <> ''
        ORDER BY s.app_id, g.principal_id, e.resource_id, e.slug
        """,
        r => new GroupRoleGrantRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)),
        _sync);
}
