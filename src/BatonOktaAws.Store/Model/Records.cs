namespace BatonOktaAws.Store.Model;

/// <summary>A user resource. <see cref="Status"/> is Okta's (ACTIVE, SUSPENDED, DEPROVISIONED, ...).</summary>
public sealed record UserRecord(string Id, string DisplayName, string? Login, string? Email, string? SecondaryEmail, string? Status);

/// <summary>A group resource. <see cref="GroupType"/> is OKTA_GROUP, APP_GROUP or BUILT_IN.</summary>
public sealed record GroupRecord(string Id, string Name, string? Description, string? GroupType);

/// <summary>An AWS account resource.</summary>
public sealed record AccountRecord(string Id, string DisplayName);

public sealed record EntitlementRecord(EntitlementId Id, string DisplayName, string Description);

/// <summary>A user's assignment to the AWS app as Okta reports it: scope USER (direct) or GROUP, and the profile's samlRoles.</summary>
public sealed record AppUserRecord(string UserId, string Scope, IReadOnlyList<string> SamlRoles);

/// <summary>A group's assignment to the AWS app: its priority (lower wins) and samlRoles.</summary>
public sealed record AppGroupRecord(string GroupId, int? Priority, IReadOnlyList<string> SamlRoles);

/// <summary>In group-mapping mode, a group whose name matched the filter, and the account and role it grants.</summary>
public sealed record MappedGroupRecord(string GroupId, string AccountId, string Role);

/// <summary>How far one list was read: the next page to fetch (null when done or not started).</summary>
public sealed record StreamCheckpoint(string Stream, string? NextUrl, long Pages, long Items, bool Done);

/// <summary>An app user together with the groups that matter for their AWS access.</summary>
public sealed record AppUserMemberships(AppUserRecord AppUser, IReadOnlyList<AppGroupRecord> AssignedGroups, IReadOnlyList<MappedGroupRecord> MappedGroups);

/// <summary>The AWS app settings seen during the sync.</summary>
public sealed record AwsAppRecord(
    string AppId,
    string? Name,
    string? Label,
    string? Status,
    string? IdentityProviderArn,
    string? AccountId,
    bool JoinAllRoles,
    bool UseGroupMapping,
    string? GroupFilter,
    string? RoleValuePattern,
    bool SamlRolesUnion,
    bool RoleListAvailable,
    string SettingsJson);

/// <summary>What a sync run is, written when it starts.</summary>
public sealed record SyncRunStart(string ToolVersion, string OktaDomain, string AppId, DateTimeOffset StartedAt, string Options);

/// <summary>Counts of what the sync file holds.</summary>
public sealed record SyncCounts(long Users, long Groups, long Accounts, long Entitlements, long Grants, long AccessRows, long Warnings);

/// <summary>A finished (or running) sync run as recorded in the file.</summary>
public sealed record SyncRunSummary(
    long Id,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Status,
    string ToolVersion,
    string OktaDomain,
    string AppId,
    long Requests,
    int Resumes,
    SyncCounts Counts);

/// <summary>One row of "who can assume which AWS role, and why"; <see cref="SourceName"/> is the source group's name.</summary>
public sealed record AccessRow(string UserId, string? Login, string? UserStatus, string AccountId, string Role, string Source, string? SourceName = null);

/// <summary>Narrows <see cref="AccessRow"/> results; null means "any".</summary>
public sealed record AccessFilter(string? User = null, string? AccountId = null, string? Role = null);
