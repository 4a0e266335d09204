using BatonOktaAws.Store.Model;
using Microsoft.Data.Sqlite;

namespace BatonOktaAws.Store;

/// <summary>Queries the writer (on the partial file) and the reader (on a finished file) both ask, written once.</summary>
internal static class SyncQueries
{
    public const string Apps = """
        SELECT app_id, name, label, status, identity_provider_arn, account_id, join_all_roles, use_group_mapping,
               group_filter, app_filter, role_value_pattern, saml_roles_union, role_list_available, settings_json
        FROM aws_apps WHERE sync_id = $sync ORDER BY label COLLATE NOCASE, app_id
        """;

    public const string RolesHandedOut = """
        SELECT DISTINCT s.app_id, e.resource_id, e.slug
        FROM grant_sources s
        JOIN grants g ON g.sync_id = s.sync_id AND g.id = s.grant_id
        JOIN entitlements e ON e.sync_id = g.sync_id AND e.id = g.entitlement_id
        WHERE s.sync_id = $sync AND s.app_id <> '' AND e.resource_type = 'account'
        ORDER BY s.app_id, e.resource_id, e.slug
        """;

    public static AwsAppRecord ReadApp(SqliteDataReader r) => new(
        r.GetString(0), SqliteFiles.Text(r, 1), SqliteFiles.Text(r, 2), SqliteFiles.Text(r, 3), SqliteFiles.Text(r, 4), SqliteFiles.Text(r, 5),
        r.GetInt64(6) != 0, r.GetInt64(7) != 0, SqliteFiles.Text(r, 8), SqliteFiles.Text(r, 9), SqliteFiles.Text(r, 10),
        r.GetInt64(11) != 0, r.GetInt64(12) != 0, r.GetString(13));
}
