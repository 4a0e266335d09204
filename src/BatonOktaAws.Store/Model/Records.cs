namespace BatonOktaAws.Store.Model;

/// <summary>A user resource. <see cref="Status"/> is Okta's (ACTIVE, SUSPENDED, DEPROVISIONED, ...).</summary>
public sealed record UserRecord(
    string Id,
    string DisplayName,
    string? Login,
    string? Email,
    string? SecondaryEmail,
    string? Status,
    string? FirstName = null,
    string? LastName = null);

/// <summary>
/// A group resource. <see cref="GroupType"/> is OKTA_GROUP, APP_GROUP or BUILT_IN; an APP_GROUP names the app it
/// is imported from (<see cref="SourceAppId"/>, and its catalog name when Okta embedded it).
/// </summary>
public sealed record GroupRecord(string Id, string Name, string? Description, string? GroupType, string? SourceAppId = null, string? SourceAppName = null);

/// <summary>An AWS account resource.</summary>
public sealed record AccountRecord(string Id, string DisplayName);

/// <summary>An entitlement: its id (<c>type:resourceId:slug</c>) and the parts it is made of.</summary>
public sealed record EntitlementRecord(string Id, string ResourceType, string ResourceId, string Slug, string DisplayName, string Description);

/// <summary>A grant: its id (<c>entitlementId:principalType:principalId</c>), the entitlement and its resource, and the principal.</summary>
public sealed record GrantRecord(string Id, string EntitlementId, string ResourceType, string ResourceId, string PrincipalType, string PrincipalId);

/// <summary>Why a grant is held (<c>direct</c> or <c>group:&lt;id&gt;</c>) and through which AWS app (empty when no app decides).</summary>
public sealed record GrantSourceRecord(string GrantId, string AppId, string Source);

/// <summary>A user's assignment to an AWS app as Okta reports it: scope USER (direct) or GROUP, samlRoles and the default role.</summary>
public sealed record AppUserRecord(string AppId, string UserId, string Scope, IReadOnlyList<string> SamlRoles, string? Role);

/// <summary>A group's assignment to an AWS app: its priority (lower wins), samlRoles and the default role.</summary>
public sealed record AppGroupRecord(string AppId, string GroupId, int? Priority, IReadOnlyList<string> SamlRoles, string? Role);

/// <summary>For a group-mapping app, a group whose name matched its filter, and the account and role it grants.</summary>
public sealed record MappedGroupRecord(string AppId, string GroupId, string AccountId, string Role);

/// <summary>Group membership: a user in a group.</summary>
public sealed record MembershipRecord(string GroupId, string UserId);

/// <summary>How far one list was read: the next page to fetch (null when done or not started).</summary>
public sealed record StreamCheckpoint(string Stream, string? NextUrl, long Pages, long Items, bool Done);

/// <summary>Something the sync could not turn into access, or found odd; kept with the sync and shown as a finding.</summary>
public sealed record WarningRecord(string Code, string Message, string? AppId = null, string? SubjectType = null, string? SubjectId = null);

/// <summary>An AWS app's settings as seen during a sync.</summary>
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
    string? AppFilter,
    string? RoleValuePattern,
    bool SamlRolesUnion,
    bool RoleListAvailable,
    string SettingsJson)
{
    public string Mode => UseGroupMapping ? "group-mapping" : "single-account";
}

/// <summary>What a sync run is, written when it starts.</summary>
public sealed record SyncRunStart(string ToolVersion, string OktaDomain, string AppSelection, DateTimeOffset StartedAt, string Options);

/// <summary>Counts of what one sync holds.</summary>
public sealed record SyncCounts(long Apps, long Users, long Groups, long Accounts, long Entitlements, long Grants, long AccessRows, long Warnings);

/// <summary>A finished (or running) sync run as recorded in the file.</summary>
public sealed record SyncRunSummary(
    long Id,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Status,
    string ToolVersion,
    string OktaDomain,
    string AppSelection,
    long Requests,
    int Resumes,
    SyncCounts Counts);

/// <summary>
/// One row of "who can assume which AWS role, through which app, and why". <see cref="Source"/> is
/// <c>direct</c> or <c>group:&lt;groupId&gt;</c>; <see cref="SourceName"/> is the source group's name. When IAM exports
/// were attached, <see cref="IamRoleArn"/> is the role AWS gives and <see cref="AdminEquivalent"/> whether it can do
/// anything in the account (null when the export does not tell).
/// </summary>
public sealed record AccessRow(
    string UserId,
    string? Login,
    string? UserStatus,
    string AppId,
    string? AppLabel,
    string AccountId,
    string Role,
    string Source,
    string? SourceName = null,
    string? DisplayName = null,
    string? IamRoleArn = null,
    bool? AdminEquivalent = null);

/// <summary>Narrows <see cref="AccessRow"/> results; null means "any". <see cref="App"/> is an app id or label.</summary>
public sealed record AccessFilter(string? User = null, string? AccountId = null, string? Role = null, string? App = null);

/// <summary>An IAM export read for an account: which file, of which kind, from when, and whether every page was there.</summary>
public sealed record IamExportRecord(string AccountId, string Kind, string SourceFile, DateTimeOffset? ExportedAt, bool Complete);

/// <summary>A managed policy attached to an IAM role.</summary>
public sealed record IamPolicyRef(string Name, string Arn);

/// <summary>An IAM role of an exported account: its policies, whether it is admin-equivalent (and why), which SAML providers it trusts.</summary>
public sealed record IamRoleRecord(
    string AccountId,
    string Name,
    string Arn,
    string Path,
    DateTimeOffset? LastUsedAt,
    IReadOnlyList<IamPolicyRef> AttachedPolicies,
    IReadOnlyList<string> InlinePolicies,
    string? PermissionsBoundary,
    bool AdminEquivalent,
    IReadOnlyList<string> AdminReasons,
    bool AdminComplete,
    IReadOnlyList<string> TrustedSamlProviders);

/// <summary>An IAM user (or the root user) of an exported account: the credentials that reach AWS without Okta.</summary>
public sealed record IamUserRecord(
    string AccountId,
    string Name,
    string Arn,
    bool IsRoot,
    bool? PasswordEnabled,
    DateTimeOffset? PasswordLastUsed,
    bool? MfaActive,
    int? ActiveAccessKeys,
    DateTimeOffset? AccessKeyLastUsed,
    bool? AdminEquivalent);

/// <summary>For a role an app hands out in an account: the IAM role AWS would give (when the export shows it) and whether it trusts the app's SAML provider.</summary>
public sealed record RoleStatusRecord(
    string AppId,
    string AccountId,
    string Role,
    string Status,
    string? IamRoleArn,
    string ExpectedArn,
    string? ProviderArn,
    string Trust,
    IReadOnlyList<string> Notes);
