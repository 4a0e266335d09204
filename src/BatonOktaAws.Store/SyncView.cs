using System.Globalization;
using BatonOktaAws.Store.Model;
using Microsoft.Data.Sqlite;

namespace BatonOktaAws.Store;

/// <summary>
/// One finished sync of a sync file, read-only: everything a command reads is scoped to this sync, so an older
/// sync of the file answers exactly as it did when it was the latest.
/// </summary>
public sealed partial class SyncView
{
    /// <summary>The tables holding one sync's data (table names are only ever taken from this list).</summary>
    private static readonly string[] DataTables =
        [.. SyncFileSchema.SyncTables];

    private readonly SyncFileReader _file;
    private readonly (string, object?) _sync;

    internal SyncView(SyncFileReader file, SyncRunSummary run, long? previousSyncId)
    {
        _file = file;
        Run = run;
        PreviousSyncId = previousSyncId;
        _sync = ("$sync", run.Id);
    }

    public SyncRunSummary Run { get; }

    public long SyncId => Run.Id;

    /// <summary>The sync before this one in the same file, when the file still holds it.</summary>
    public long? PreviousSyncId { get; }

    public string FilePath => _file.Path;

    /// <summary>Who can assume which role through which app, ordered by login, app, account, role and source.</summary>
    public IReadOnlyList<AccessRow> Access(AccessFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return _file.Query(
            """
            SELECT a.user_id, a.login, a.user_status, a.app_id, a.app_label, a.account_id, a.role, a.source, g.display_name, u.display_name,
                   rs.iam_role_arn, ir.admin_equivalent
            FROM aws_role_access_history a
            LEFT JOIN resources g ON g.sync_id = a.sync_id AND g.resource_type = 'group' AND a.source LIKE 'group:%' AND g.id = substr(a.source, 7)
            LEFT JOIN resources u ON u.sync_id = a.sync_id AND u.resource_type = 'user' AND u.id = a.user_id
            LEFT JOIN aws_role_status rs ON rs.sync_id = a.sync_id AND rs.app_id = a.app_id AND rs.account_id = a.account_id AND rs.role = a.role
            LEFT JOIN aws_iam_roles ir ON ir.sync_id = a.sync_id AND ir.account_id = a.account_id AND ir.arn = rs.iam_role_arn
            WHERE a.sync_id = $sync
              AND ($user IS NULL OR a.user_id = $user OR a.login = $user COLLATE NOCASE)
              AND ($account IS NULL OR a.account_id = $account)
              AND ($role IS NULL OR a.role = $role)
              AND ($app IS NULL OR a.app_id = $app OR a.app_label = $app COLLATE NOCASE)
            ORDER BY a.login COLLATE NOCASE, a.user_id, a.app_label COLLATE NOCASE, a.app_id, a.account_id, a.role, a.source
            """,
            r => new AccessRow(
                r.GetString(0), SqliteFiles.Text(r, 1), SqliteFiles.Text(r, 2), r.GetString(3), SqliteFiles.Text(r, 4),
                r.GetString(5), r.GetString(6), r.GetString(7), SqliteFiles.Text(r, 8), SqliteFiles.Text(r, 9),
                SqliteFiles.Text(r, 10), r.IsDBNull(11) ? null : r.GetInt64(11) != 0),
            _sync,
            ("$user", filter.User),
            ("$account", filter.AccountId),
            ("$role", filter.Role),
            ("$app", filter.App));
    }

    public IReadOnlyList<AwsAppRecord> Apps() => _file.Query(SyncQueries.Apps, SyncQueries.ReadApp, _sync);

    /// <summary>Each (app, account, role) the sync's apps hand out to anyone, user or group.</summary>
    public IReadOnlyList<(string AppId, string AccountId, string Role)> RolesHandedOut() =>
        _file.Query(SyncQueries.RolesHandedOut, r => (r.GetString(0), r.GetString(1), r.GetString(2)), _sync);

    /// <summary>The AWS role list of each app whose list Okta let us read.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> RoleLists() =>
        _file.Query("SELECT app_id, role FROM aws_role_list WHERE sync_id = $sync ORDER BY app_id, role", r => (App: r.GetString(0), Role: r.GetString(1)), _sync)
            .GroupBy(x => x.App, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(x => x.Role)], StringComparer.Ordinal);

    public IReadOnlyList<UserRecord> Users() => _file.Query(
        "SELECT id, display_name, login, email, secondary_email, status, first_name, last_name FROM resources WHERE sync_id = $sync AND resource_type = 'user' ORDER BY id",
        ReadUser,
        _sync);

    /// <summary>A user by id or login (case-insensitive), or null when the sync does not hold them.</summary>
    public UserRecord? FindUser(string idOrLogin)
    {
        ArgumentException.ThrowIfNullOrEmpty(idOrLogin);
        return _file.Query(
            """
            SELECT id, display_name, login, email, secondary_email, status, first_name, last_name FROM resources
            WHERE sync_id = $sync AND resource_type = 'user' AND (id = $user OR login = $user COLLATE NOCASE) LIMIT 1
            """,
            ReadUser,
            _sync,
            ("$user", idOrLogin)).FirstOrDefault();
    }

    public IReadOnlyList<GroupRecord> Groups() => _file.Query(
        "SELECT id, display_name, description, group_type, source_app_id, source_app_name FROM resources WHERE sync_id = $sync AND resource_type = 'group' ORDER BY id",
        r => new GroupRecord(r.GetString(0), r.GetString(1), SqliteFiles.Text(r, 2), SqliteFiles.Text(r, 3), SqliteFiles.Text(r, 4), SqliteFiles.Text(r, 5)),
        _sync);

    public IReadOnlyList<AccountRecord> Accounts() => _file.Query(
        "SELECT id, display_name FROM resources WHERE sync_id = $sync AND resource_type = 'account' ORDER BY id",
        r => new AccountRecord(r.GetString(0), r.GetString(1)),
        _sync);

    /// <summary>The Okta admin roles held in this sync (resources of type <c>role</c>): a standard role's type or a custom role's id.</summary>
    public IReadOnlyList<AdminRoleResourceRecord> AdminRoleResources() => _file.Query(
        "SELECT id, display_name, description FROM resources WHERE sync_id = $sync AND resource_type = 'role' ORDER BY id",
        r => new AdminRoleResourceRecord(r.GetString(0), r.GetString(1), SqliteFiles.Text(r, 2)),
        _sync);

    public IReadOnlyList<AppUserRecord> AppUsers()
    {
        var roles = new RolesJson.Shared();
        return _file.Query(
            "SELECT app_id, user_id, scope, saml_roles, role FROM okta_app_users WHERE sync_id = $sync ORDER BY app_id, user_id",
            r => new AppUserRecord(r.GetString(0), r.GetString(1), r.GetString(2), roles.Read(r.GetString(3)), SqliteFiles.Text(r, 4)),
            _sync);
    }

    public IReadOnlyList<AppGroupRecord> AppGroups() => _file.Query(
        "SELECT app_id, group_id, priority, saml_roles, role FROM okta_app_groups WHERE sync_id = $sync ORDER BY app_id, group_id",
        r => new AppGroupRecord(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt32(2), RolesJson.Read(r.GetString(3)), SqliteFiles.Text(r, 4)),
        _sync);

    public IReadOnlyList<MappedGroupRecord> MappedGroups() => _file.Query(
        "SELECT app_id, group_id, account_id, role FROM aws_mapped_groups WHERE sync_id = $sync ORDER BY app_id, group_id",
        r => new MappedGroupRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)),
        _sync);

    /// <summary>Group-mapping groups granting a role in an account, with their names (for messages that point at them).</summary>
    public IReadOnlyList<(MappedGroupRecord Group, string Name)> MappedGroupsGranting(string accountId, string role) => _file.Query(
        """
        SELECT mg.app_id, mg.group_id, mg.account_id, mg.role, COALESCE(r.display_name, mg.group_id)
        FROM aws_mapped_groups mg LEFT JOIN resources r ON r.sync_id = mg.sync_id AND r.resource_type = 'group' AND r.id = mg.group_id
        WHERE mg.sync_id = $sync AND mg.account_id = $account AND mg.role = $role ORDER BY mg.app_id, mg.group_id
        """,
        r => (new MappedGroupRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)), r.GetString(4)),
        _sync,
        ("$account", accountId),
        ("$role", role));

    /// <summary>Group memberships the sync read (the members of every group that matters for AWS access).</summary>
    public IReadOnlyList<MembershipRecord> Memberships() => _file.Query(
        "SELECT resource_id, principal_id FROM grants WHERE sync_id = $sync AND resource_type = 'group' AND principal_type = 'user' ORDER BY resource_id, principal_id",
        r => new MembershipRecord(r.GetString(0), r.GetString(1)),
        _sync);

    public IReadOnlyList<WarningRecord> Warnings() => _file.Query(
        "SELECT code, message, app_id, subject_type, subject_id FROM sync_warnings WHERE sync_id = $sync ORDER BY rowid",
        r => new WarningRecord(r.GetString(0), r.GetString(1), SqliteFiles.Text(r, 2), SqliteFiles.Text(r, 3), SqliteFiles.Text(r, 4)),
        _sync);

    /// <summary>Whether the sync holds a user with this id, or this login (case-insensitive).</summary>
    public bool HasUser(string idOrLogin) => Exists(
        "SELECT EXISTS (SELECT 1 FROM resources WHERE sync_id = $sync AND resource_type = 'user' AND (id = $value OR login = $value COLLATE NOCASE))", idOrLogin);

    /// <summary>Whether the sync holds this AWS account.</summary>
    public bool HasAccount(string accountId) => Exists(
        "SELECT EXISTS (SELECT 1 FROM resources WHERE sync_id = $sync AND resource_type = 'account' AND id = $value)", accountId);

    /// <summary>Whether any account of the sync has this AWS role as an entitlement (role names are case-sensitive in AWS).</summary>
    public bool HasRole(string role) => Exists(
        "SELECT EXISTS (SELECT 1 FROM entitlements WHERE sync_id = $sync AND resource_type = 'account' AND slug = $value)", role);

    /// <summary>Whether the sync holds this AWS app, by id or label (case-insensitive).</summary>
    public bool HasApp(string idOrLabel) => Exists(
        "SELECT EXISTS (SELECT 1 FROM aws_apps WHERE sync_id = $sync AND (app_id = $value OR label = $value COLLATE NOCASE))", idOrLabel);

    /// <summary>The IAM exports attached to this sync, by account.</summary>
    public IReadOnlyList<IamExportRecord> IamExports() => _file.Query(
        "SELECT account_id, kind, source_file, exported_at, complete FROM aws_iam_exports WHERE sync_id = $sync ORDER BY account_id, kind, source_file",
        r => new IamExportRecord(r.GetString(0), r.GetString(1), r.GetString(2), Time(r, 3), r.GetInt64(4) != 0),
        _sync);

    public IReadOnlyList<IamRoleRecord> IamRoles() => _file.Query(
        """
        SELECT account_id, name, arn, path, last_used_at, attached_policies, inline_policies, permissions_boundary, admin_equivalent,
               admin_reasons, admin_complete, trusted_saml_providers
        FROM aws_iam_roles WHERE sync_id = $sync ORDER BY account_id, name
        """,
        r => new IamRoleRecord(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Time(r, 4), JsonColumns.ReadPolicies(r.GetString(5)),
            RolesJson.Read(r.GetString(6)), SqliteFiles.Text(r, 7), r.GetInt64(8) != 0, RolesJson.Read(r.GetString(9)), r.GetInt64(10) != 0,
            RolesJson.Read(r.GetString(11))),
        _sync);

    public IReadOnlyList<IamUserRecord> IamUsers() => _file.Query(
        """
        SELECT account_id, name, arn, is_root, password_enabled, password_last_used, mfa_active, active_access_keys, access_key_last_used, admin_equivalent
        FROM aws_iam_users WHERE sync_id = $sync ORDER BY account_id, is_root DESC, name
        """,
        r => new IamUserRecord(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3) != 0, Flag(r, 4), Time(r, 5), Flag(r, 6),
            r.IsDBNull(7) ? null : r.GetInt32(7), Time(r, 8), Flag(r, 9)),
        _sync);

    /// <summary>For each role an app hands out in an account, the IAM role it is and whether it trusts the app (when IAM exports were attached).</summary>
    public IReadOnlyList<RoleStatusRecord> RoleStatuses() => _file.Query(
        "SELECT app_id, account_id, role, status, iam_role_arn, expected_arn, provider_arn, trust, notes FROM aws_role_status WHERE sync_id = $sync ORDER BY account_id, role, app_id",
        r => new RoleStatusRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), SqliteFiles.Text(r, 4), r.GetString(5), SqliteFiles.Text(r, 6), r.GetString(7), RolesJson.Read(r.GetString(8))),
        _sync);

    /// <summary>Every entitlement, streamed in id order.</summary>
    public IEnumerable<EntitlementRecord> Entitlements() => _file.Stream(
        "SELECT id, resource_type, resource_id, slug, display_name, description FROM entitlements WHERE sync_id = $sync ORDER BY id",
        r => new EntitlementRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5)),
        _sync);

    /// <summary>Every grant, streamed in id order.</summary>
    public IEnumerable<GrantRecord> Grants() => _file.Stream(
        "SELECT id, entitlement_id, resource_type, resource_id, principal_type, principal_id FROM grants WHERE sync_id = $sync ORDER BY id",
        r => new GrantRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5)),
        _sync);

    /// <summary>Every grant source, streamed in grant-id order.</summary>
    public IEnumerable<GrantSourceRecord> GrantSources() => _file.Stream(
        "SELECT grant_id, app_id, source FROM grant_sources WHERE sync_id = $sync ORDER BY grant_id, app_id, source",
        r => new GrantSourceRecord(r.GetString(0), r.GetString(1), r.GetString(2)),
        _sync);

    /// <summary>Every row of a data table for this sync, as text, sorted (for tests and tools comparing two syncs).</summary>
    public IReadOnlyList<string> DumpTable(string table)
    {
        if (!DataTables.Contains(table))
        {
            throw new ArgumentException($"'{table}' is not a data table of the sync file.", nameof(table));
        }

        var rows = _file.Query($"SELECT * FROM {table} WHERE sync_id = $sync", Row, _sync);
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>Rows in each data table for this sync (what the sync wrote), for the benchmark's rows-per-second.</summary>
    public IReadOnlyDictionary<string, long> RowCounts() =>
        DataTables.ToDictionary(t => t, t => _file.Scalar($"SELECT COUNT(*) FROM {t} WHERE sync_id = $sync", _sync), StringComparer.Ordinal);

    private static DateTimeOffset? Time(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture);

    private static bool? Flag(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i) != 0;

    private bool Exists(string sql, string value) => _file.Scalar(sql, _sync, ("$value", value)) != 0;

    private static UserRecord ReadUser(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), SqliteFiles.Text(r, 2), SqliteFiles.Text(r, 3), SqliteFiles.Text(r, 4), SqliteFiles.Text(r, 5), SqliteFiles.Text(r, 6), SqliteFiles.Text(r, 7));

    private static string Row(SqliteDataReader reader)
    {
        var values = new object[reader.FieldCount];
        reader.GetValues(values);
        return string.Join('|', values.Skip(1).Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));
    }
}
