namespace BatonOktaAws.Store;

/// <summary>
/// The sync file's schema. <c>PRAGMA application_id</c> marks the file as ours and <c>PRAGMA user_version</c>
/// is the schema version: readers refuse files from a newer version instead of misreading them.
/// Documented in <c>docs/sync-file.md</c>.
/// </summary>
public static class SyncFileSchema
{
    /// <summary>"BOAW" in ASCII.</summary>
    public const int ApplicationId = 0x424F4157;

    public const int Version = 1;

    internal const string Create = """
        CREATE TABLE sync_runs (
            id             INTEGER PRIMARY KEY,
            started_at     TEXT    NOT NULL,
            finished_at    TEXT,
            status         TEXT    NOT NULL,            -- running | succeeded
            tool_version   TEXT    NOT NULL,
            okta_domain    TEXT    NOT NULL,
            app_id         TEXT    NOT NULL,
            options        TEXT    NOT NULL,            -- the sync options that shape the data, as JSON
            resumes        INTEGER NOT NULL DEFAULT 0,
            requests       INTEGER NOT NULL DEFAULT 0,
            users          INTEGER,
            groups         INTEGER,
            accounts       INTEGER,
            entitlements   INTEGER,
            grants         INTEGER,
            access_rows    INTEGER,
            warnings       INTEGER
        );

        CREATE TABLE sync_warnings (
            run_id   INTEGER NOT NULL REFERENCES sync_runs(id),
            code     TEXT    NOT NULL,
            message  TEXT    NOT NULL
        );

        -- How far each list was read; lets an interrupted sync resume without fetching pages twice.
        CREATE TABLE sync_streams (
            stream    TEXT    PRIMARY KEY,
            next_url  TEXT,
            pages     INTEGER NOT NULL,
            items     INTEGER NOT NULL,
            done      INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE aws_app (
            app_id                 TEXT    PRIMARY KEY,
            name                   TEXT,
            label                  TEXT,
            status                 TEXT,
            identity_provider_arn  TEXT,
            account_id             TEXT,
            join_all_roles         INTEGER NOT NULL,
            use_group_mapping      INTEGER NOT NULL,
            group_filter           TEXT,
            role_value_pattern     TEXT,
            saml_roles_union       INTEGER NOT NULL,
            role_list_available    INTEGER NOT NULL,
            settings_json          TEXT    NOT NULL     -- settings.app exactly as Okta sent it
        ) WITHOUT ROWID;

        CREATE TABLE aws_role_list (role TEXT PRIMARY KEY) WITHOUT ROWID;

        CREATE TABLE resource_types (
            id            TEXT PRIMARY KEY,
            display_name  TEXT NOT NULL
        ) WITHOUT ROWID;

        INSERT INTO resource_types (id, display_name) VALUES
            ('user', 'User'), ('group', 'Group'), ('account', 'AWS Account');

        CREATE TABLE resources (
            resource_type    TEXT NOT NULL REFERENCES resource_types(id),
            id               TEXT NOT NULL,
            display_name     TEXT NOT NULL,
            login            TEXT,      -- users
            email            TEXT,      -- users
            secondary_email  TEXT,      -- users (empty with --skip-secondary-emails)
            status           TEXT,      -- users: Okta status
            group_type       TEXT,      -- groups: OKTA_GROUP | APP_GROUP | BUILT_IN
            description      TEXT,      -- groups
            PRIMARY KEY (resource_type, id)
        ) WITHOUT ROWID;

        CREATE INDEX resources_by_login ON resources (login COLLATE NOCASE) WHERE login IS NOT NULL;

        CREATE TABLE entitlements (
            id             TEXT PRIMARY KEY,           -- group:<groupId>:member | account:<accountId>:<role>
            resource_type  TEXT NOT NULL,
            resource_id    TEXT NOT NULL,
            slug           TEXT NOT NULL,
            display_name   TEXT NOT NULL,
            description    TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE grants (
            id              TEXT PRIMARY KEY,          -- <entitlementId>:<principalType>:<principalId>
            entitlement_id  TEXT NOT NULL,
            resource_type   TEXT NOT NULL,             -- the entitlement's resource
            resource_id     TEXT NOT NULL,
            principal_type  TEXT NOT NULL,             -- user | group
            principal_id    TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE INDEX grants_by_principal ON grants (principal_type, principal_id, resource_type);
        CREATE INDEX grants_by_entitlement ON grants (entitlement_id);

        -- Why a grant is held: 'direct', or 'group:<groupId>' for access that comes through that group.
        -- A grant reachable by two paths has two sources.
        CREATE TABLE grant_sources (
            grant_id  TEXT NOT NULL,
            source    TEXT NOT NULL,
            PRIMARY KEY (grant_id, source)
        ) WITHOUT ROWID;

        -- The app's assignments as Okta reported them (samlRoles as a JSON array).
        CREATE TABLE okta_app_users (
            user_id     TEXT PRIMARY KEY,
            scope       TEXT NOT NULL,                 -- USER (direct) | GROUP
            saml_roles  TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE okta_app_groups (
            group_id    TEXT PRIMARY KEY,
            priority    INTEGER,                       -- lower wins
            saml_roles  TEXT NOT NULL
        ) WITHOUT ROWID;

        -- Group-mapping mode: groups whose name matched the app's groupFilter.
        CREATE TABLE aws_mapped_groups (
            group_id    TEXT PRIMARY KEY,
            account_id  TEXT NOT NULL,
            role        TEXT NOT NULL
        ) WITHOUT ROWID;

        -- The SQL twin of `baton-okta-aws access`: who can assume which AWS role, and through what.
        CREATE VIEW aws_role_access (user_id, login, user_status, account_id, role, source) AS
        SELECT u.id, u.login, u.status, e.resource_id, e.slug, s.source
        FROM grants g
        JOIN grant_sources s ON s.grant_id = g.id
        JOIN entitlements e  ON e.id = g.entitlement_id
        JOIN resources u     ON u.resource_type = 'user' AND u.id = g.principal_id
        WHERE g.principal_type = 'user' AND e.resource_type = 'account';
        """;
}
