namespace BatonOktaAws.Store;

/// <summary>
/// The sync file's schema. <c>PRAGMA application_id</c> marks the file as ours and <c>PRAGMA user_version</c>
/// is the schema version: readers refuse files from a newer version instead of misreading them.
/// Every table of synced data carries <c>sync_id</c>, so one file holds the latest syncs side by side
/// (Baton keeps its sync runs the same way). Documented in <c>docs/sync-file.md</c>.
/// </summary>
public static class SyncFileSchema
{
    /// <summary>"BOAW" in ASCII.</summary>
    public const int ApplicationId = 0x424F4157;

    /// <summary>v2: several apps per sync, several syncs per file.</summary>
    public const int Version = 2;

    /// <summary>The tables that hold one sync's data, all keyed by <c>sync_id</c>; copied together when history is kept.</summary>
    internal static readonly string[] SyncTables =
    [
        "sync_warnings", "aws_apps", "aws_role_list", "resources", "entitlements", "grants", "grant_sources",
        "okta_app_users", "okta_app_groups", "aws_mapped_groups",
        "aws_iam_exports", "aws_iam_roles", "aws_iam_users", "aws_role_status",
        "okta_admin_roles", "okta_admin_role_targets", "okta_custom_roles", "okta_custom_role_permissions",
        "okta_resource_sets", "okta_resource_set_resources", "okta_resource_set_bindings",
    ];

    /// <summary>
    /// Who holds what, by principal: deriving access looks up each app user's memberships here. Like the other
    /// secondary indexes it is not in <see cref="Create"/>: a sync builds it once the lists are written (one sorted
    /// build costs far less than keeping it in step through a few hundred thousand inserts in Okta's order). It
    /// holds <c>resource_id</c> so that a user's groups are read from the index alone, once per app derived.
    /// </summary>
    internal static readonly SecondaryIndex GrantsByPrincipal =
        new("grants_by_principal", "CREATE INDEX grants_by_principal ON grants (sync_id, principal_type, principal_id, resource_type, resource_id)");

    /// <summary>The secondary indexes every finished sync file has; a sync builds them as it completes (see <see cref="GrantsByPrincipal"/>).</summary>
    internal static readonly SecondaryIndex[] SecondaryIndexes =
    [
        new("resources_by_login", "CREATE INDEX resources_by_login ON resources (login COLLATE NOCASE) WHERE login IS NOT NULL"),
        GrantsByPrincipal,
        new("grants_by_entitlement", "CREATE INDEX grants_by_entitlement ON grants (sync_id, entitlement_id)"),
    ];

    /// <summary>The tables and views, without <see cref="SecondaryIndexes"/>.</summary>
    internal const string Create = """
        CREATE TABLE sync_runs (
            id             INTEGER PRIMARY KEY,
            started_at     TEXT    NOT NULL,
            finished_at    TEXT,
            status         TEXT    NOT NULL,            -- running | succeeded
            tool_version   TEXT    NOT NULL,
            okta_domain    TEXT    NOT NULL,
            app_selection  TEXT    NOT NULL,            -- --aws-okta-app-id as given: all, or app ids
            options        TEXT    NOT NULL,            -- the sync options that shape the data, as JSON
            resumes        INTEGER NOT NULL DEFAULT 0,
            requests       INTEGER NOT NULL DEFAULT 0,
            apps           INTEGER,
            users          INTEGER,
            groups         INTEGER,
            accounts       INTEGER,
            entitlements   INTEGER,
            grants         INTEGER,
            access_rows    INTEGER,
            warnings       INTEGER
        );

        CREATE TABLE sync_warnings (
            sync_id       INTEGER NOT NULL,
            code          TEXT    NOT NULL,
            message       TEXT    NOT NULL,
            app_id        TEXT,                         -- the AWS app it concerns, when one
            subject_type  TEXT,                         -- user | group | role | app, when it concerns one
            subject_id    TEXT
        );

        CREATE INDEX sync_warnings_by_sync ON sync_warnings (sync_id);

        -- How far each list of the running sync was read; lets an interrupted sync resume without fetching pages twice.
        CREATE TABLE sync_streams (
            stream    TEXT    PRIMARY KEY,
            next_url  TEXT,
            pages     INTEGER NOT NULL,
            items     INTEGER NOT NULL,
            done      INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE aws_apps (
            sync_id                INTEGER NOT NULL,
            app_id                 TEXT    NOT NULL,
            name                   TEXT,
            label                  TEXT,
            status                 TEXT,
            identity_provider_arn  TEXT,
            account_id             TEXT,
            join_all_roles         INTEGER NOT NULL,
            use_group_mapping      INTEGER NOT NULL,
            group_filter           TEXT,
            app_filter             TEXT,
            role_value_pattern     TEXT,
            saml_roles_union       INTEGER NOT NULL,
            role_list_available    INTEGER NOT NULL,
            settings_json          TEXT    NOT NULL,    -- settings.app as Okta sent it, credentials removed
            PRIMARY KEY (sync_id, app_id)
        ) WITHOUT ROWID;

        CREATE TABLE aws_role_list (
            sync_id  INTEGER NOT NULL,
            app_id   TEXT    NOT NULL,
            role     TEXT    NOT NULL,
            PRIMARY KEY (sync_id, app_id, role)
        ) WITHOUT ROWID;

        CREATE TABLE resource_types (
            id            TEXT PRIMARY KEY,
            display_name  TEXT NOT NULL
        ) WITHOUT ROWID;

        INSERT INTO resource_types (id, display_name) VALUES
            ('user', 'User'), ('group', 'Group'), ('account', 'AWS Account'), ('role', 'Okta admin role');

        CREATE TABLE resources (
            sync_id          INTEGER NOT NULL,
            resource_type    TEXT NOT NULL REFERENCES resource_types(id),
            id               TEXT NOT NULL,
            display_name     TEXT NOT NULL,
            login            TEXT,      -- users
            email            TEXT,      -- users
            secondary_email  TEXT,      -- users (empty with --skip-secondary-emails)
            status           TEXT,      -- users: Okta status
            first_name       TEXT,      -- users
            last_name        TEXT,      -- users
            group_type       TEXT,      -- groups: OKTA_GROUP | APP_GROUP | BUILT_IN
            description      TEXT,      -- groups
            source_app_id    TEXT,      -- APP_GROUP groups: the app they are imported from
            source_app_name  TEXT,      -- ... and its name (e.g. active_directory), when Okta embedded it
            PRIMARY KEY (sync_id, resource_type, id)
        ) WITHOUT ROWID;

        CREATE TABLE entitlements (
            sync_id        INTEGER NOT NULL,
            id             TEXT NOT NULL,              -- group:<groupId>:member | account:<accountId>:<role> | role:<roleIdOrType>:assigned
            resource_type  TEXT NOT NULL,
            resource_id    TEXT NOT NULL,
            slug           TEXT NOT NULL,
            display_name   TEXT NOT NULL,
            description    TEXT NOT NULL,
            PRIMARY KEY (sync_id, id)
        ) WITHOUT ROWID;

        CREATE TABLE grants (
            sync_id         INTEGER NOT NULL,
            id              TEXT NOT NULL,             -- <entitlementId>:<principalType>:<principalId>
            entitlement_id  TEXT NOT NULL,
            resource_type   TEXT NOT NULL,             -- the entitlement's resource
            resource_id     TEXT NOT NULL,
            principal_type  TEXT NOT NULL,             -- user | group
            principal_id    TEXT NOT NULL,
            PRIMARY KEY (sync_id, id)
        ) WITHOUT ROWID;

        -- Why a grant is held: 'direct', or 'group:<groupId>' for access that comes through that group, and the
        -- AWS app it comes through ('' for what no app decides, e.g. group membership). A grant held two ways
        -- (two groups, two apps) has two rows.
        CREATE TABLE grant_sources (
            sync_id   INTEGER NOT NULL,
            grant_id  TEXT    NOT NULL,
            app_id    TEXT    NOT NULL,
            source    TEXT    NOT NULL,
            PRIMARY KEY (sync_id, grant_id, app_id, source)
        ) WITHOUT ROWID;

        -- Each app's assignments as Okta reported them (samlRoles as a JSON array; role is the single default role).
        CREATE TABLE okta_app_users (
            sync_id     INTEGER NOT NULL,
            app_id      TEXT    NOT NULL,
            user_id     TEXT    NOT NULL,
            scope       TEXT    NOT NULL,              -- USER (direct) | GROUP
            saml_roles  TEXT    NOT NULL,
            role        TEXT,
            PRIMARY KEY (sync_id, app_id, user_id)
        ) WITHOUT ROWID;

        CREATE TABLE okta_app_groups (
            sync_id     INTEGER NOT NULL,
            app_id      TEXT    NOT NULL,
            group_id    TEXT    NOT NULL,
            priority    INTEGER,                       -- lower wins
            saml_roles  TEXT    NOT NULL,
            role        TEXT,
            PRIMARY KEY (sync_id, app_id, group_id)
        ) WITHOUT ROWID;

        -- Group-mapping apps: groups whose name matched the app's groupFilter (and appFilter).
        CREATE TABLE aws_mapped_groups (
            sync_id     INTEGER NOT NULL,
            app_id      TEXT    NOT NULL,
            group_id    TEXT    NOT NULL,
            account_id  TEXT    NOT NULL,
            role        TEXT    NOT NULL,
            PRIMARY KEY (sync_id, app_id, group_id)
        ) WITHOUT ROWID;

        -- The AWS side, from IAM's own exports (sync --aws-iam, aws-iam import): which files were read for which account.
        CREATE TABLE aws_iam_exports (
            sync_id       INTEGER NOT NULL,
            account_id    TEXT    NOT NULL,
            kind          TEXT    NOT NULL,             -- authorization-details | credential-report
            source_file   TEXT    NOT NULL,
            exported_at   TEXT,                         -- the report's GeneratedTime, else the file's modification time
            complete      INTEGER NOT NULL,             -- every page of a paged export was there
            PRIMARY KEY (sync_id, account_id, kind, source_file)
        ) WITHOUT ROWID;

        -- Every IAM role of the exported accounts: what it can do and which SAML providers it trusts.
        CREATE TABLE aws_iam_roles (
            sync_id                INTEGER NOT NULL,
            account_id             TEXT    NOT NULL,
            name                   TEXT    NOT NULL,
            arn                    TEXT    NOT NULL,
            path                   TEXT    NOT NULL,
            last_used_at           TEXT,
            attached_policies      TEXT    NOT NULL,    -- JSON array of {"name","arn"}
            inline_policies        TEXT    NOT NULL,    -- JSON array of names
            permissions_boundary   TEXT,
            admin_equivalent       INTEGER NOT NULL,
            admin_reasons          TEXT    NOT NULL,    -- JSON array of sentences
            admin_complete         INTEGER NOT NULL,    -- every policy that applies was in the export
            trusted_saml_providers TEXT    NOT NULL,    -- JSON array of provider ARNs the trust policy allows
            PRIMARY KEY (sync_id, account_id, name)
        ) WITHOUT ROWID;

        -- IAM users (and the root user): the ways into the account that no Okta review covers.
        CREATE TABLE aws_iam_users (
            sync_id              INTEGER NOT NULL,
            account_id           TEXT    NOT NULL,
            name                 TEXT    NOT NULL,
            arn                  TEXT    NOT NULL,
            is_root              INTEGER NOT NULL,
            password_enabled     INTEGER,             -- null when the credential report does not say
            password_last_used   TEXT,
            mfa_active           INTEGER,
            active_access_keys   INTEGER,
            access_key_last_used TEXT,
            admin_equivalent     INTEGER,             -- null when the authorization details do not describe the user
            PRIMARY KEY (sync_id, account_id, name)
        ) WITHOUT ROWID;

        -- For each role an app hands out in an account: the IAM role AWS would give, and whether it trusts the app.
        CREATE TABLE aws_role_status (
            sync_id        INTEGER NOT NULL,
            app_id         TEXT    NOT NULL,
            account_id     TEXT    NOT NULL,
            role           TEXT    NOT NULL,
            status         TEXT    NOT NULL,          -- found | found-arn-differs | not-found | unknown (no complete export)
            iam_role_arn   TEXT,
            expected_arn   TEXT    NOT NULL,          -- the role ARN Okta sends (roleValuePattern)
            provider_arn   TEXT,                      -- the app's SAML provider in this account
            trust          TEXT    NOT NULL,          -- trusted | not-trusted | denied | unknown
            notes          TEXT    NOT NULL,          -- JSON array of sentences
            PRIMARY KEY (sync_id, app_id, account_id, role)
        ) WITHOUT ROWID;

        -- Okta admin role assignments, as the roles API lists them: held by a user or a group, a standard role by
        -- type or a custom role (role_id its id, resource_set_id its scope). role_id is the role's resource id.
        CREATE TABLE okta_admin_roles (
            sync_id          INTEGER NOT NULL,
            assignee_type    TEXT    NOT NULL,         -- user | group
            assignee_id      TEXT    NOT NULL,
            assignment_id    TEXT    NOT NULL,
            role_type        TEXT    NOT NULL,         -- SUPER_ADMIN, ORG_ADMIN, APP_ADMIN, USER_ADMIN, ..., CUSTOM
            role_id          TEXT    NOT NULL,         -- the type for standard roles, the custom role's id for custom ones
            label            TEXT,
            status           TEXT,
            resource_set_id  TEXT,                     -- custom roles
            PRIMARY KEY (sync_id, assignee_type, assignee_id, assignment_id)
        ) WITHOUT ROWID;

        -- Targets of standard role assignments; a role with no rows of a kind covers every app (or group).
        CREATE TABLE okta_admin_role_targets (
            sync_id        INTEGER NOT NULL,
            assignee_type  TEXT    NOT NULL,
            assignee_id    TEXT    NOT NULL,
            assignment_id  TEXT    NOT NULL,
            target_type    TEXT    NOT NULL,           -- app (every instance of an app type) | app-instance | group
            target_id      TEXT    NOT NULL,           -- the app type's name, the app's id, or the group's id
            app_name       TEXT,                       -- app targets: the app type
            display_name   TEXT,
            PRIMARY KEY (sync_id, assignee_type, assignee_id, assignment_id, target_type, target_id)
        ) WITHOUT ROWID;

        CREATE TABLE okta_custom_roles (
            sync_id      INTEGER NOT NULL,
            role_id      TEXT    NOT NULL,
            label        TEXT,
            description  TEXT,
            PRIMARY KEY (sync_id, role_id)
        ) WITHOUT ROWID;

        CREATE TABLE okta_custom_role_permissions (
            sync_id     INTEGER NOT NULL,
            role_id     TEXT    NOT NULL,
            permission  TEXT    NOT NULL,              -- e.g. okta.apps.assignment.manage
            PRIMARY KEY (sync_id, role_id, permission)
        ) WITHOUT ROWID;

        CREATE TABLE okta_resource_sets (
            sync_id          INTEGER NOT NULL,
            resource_set_id  TEXT    NOT NULL,
            label            TEXT,
            description      TEXT,
            PRIMARY KEY (sync_id, resource_set_id)
        ) WITHOUT ROWID;

        -- What a resource set holds, from each resource's ORN: kind apps (every app), app-type (every instance of
        -- target_id), app (the app target_id), groups (every group), group (the group target_id), or other.
        CREATE TABLE okta_resource_set_resources (
            sync_id          INTEGER NOT NULL,
            resource_set_id  TEXT    NOT NULL,
            resource_id      TEXT    NOT NULL,
            orn              TEXT,
            kind             TEXT    NOT NULL,
            target_id        TEXT,
            app_name         TEXT,                     -- app: its type, when the ORN names it
            PRIMARY KEY (sync_id, resource_set_id, resource_id)
        ) WITHOUT ROWID;

        -- Who is bound to which custom role over which resource set (the custom role assignments, seen from the set).
        CREATE TABLE okta_resource_set_bindings (
            sync_id          INTEGER NOT NULL,
            resource_set_id  TEXT    NOT NULL,
            role_id          TEXT    NOT NULL,
            member_id        TEXT    NOT NULL,         -- the binding member's id
            member_type      TEXT,                     -- user | group, from the member's link
            principal_id     TEXT,                     -- the user's or group's id
            PRIMARY KEY (sync_id, resource_set_id, role_id, member_id)
        ) WITHOUT ROWID;

        -- Who can assume which AWS role, through which app, and through what — for every sync in the file.
        -- g.resource_type is the entitlement's (e.resource_type); filtering on both lets SQLite skip group memberships
        -- from grants_by_principal instead of looking each one up.
        CREATE VIEW aws_role_access_history (sync_id, user_id, login, user_status, app_id, app_label, account_id, role, source) AS
        SELECT g.sync_id, u.id, u.login, u.status, s.app_id, a.label, e.resource_id, e.slug, s.source
        FROM grants g
        JOIN grant_sources s ON s.sync_id = g.sync_id AND s.grant_id = g.id
        JOIN entitlements e  ON e.sync_id = g.sync_id AND e.id = g.entitlement_id
        JOIN resources u     ON u.sync_id = g.sync_id AND u.resource_type = 'user' AND u.id = g.principal_id
        LEFT JOIN aws_apps a ON a.sync_id = g.sync_id AND a.app_id = s.app_id
        WHERE g.principal_type = 'user' AND g.resource_type = 'account' AND e.resource_type = 'account';

        -- The SQL twin of `baton-okta-aws access`: the same, for the latest finished sync.
        CREATE VIEW aws_role_access (user_id, login, user_status, app_id, app_label, account_id, role, source) AS
        SELECT user_id, login, user_status, app_id, app_label, account_id, role, source
        FROM aws_role_access_history
        WHERE sync_id = (SELECT MAX(id) FROM sync_runs WHERE status = 'succeeded');
        """;
}
