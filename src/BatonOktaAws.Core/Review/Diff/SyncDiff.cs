using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Review.Diff;

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>Access that appeared or disappeared: one access row (user, app, account, role, source).</summary>
public sealed record AccessChange(ChangeKind Change, string UserId, string? Login, string AppId, string? AppLabel, string AccountId, string Role, string Source);

/// <summary>A user whose Okta status changed (e.g. ACTIVE → SUSPENDED).</summary>
public sealed record UserStatusChange(string UserId, string? Login, string? From, string? To);

/// <summary>A membership added or removed, in a group that grants an AWS role.</summary>
public sealed record MembershipChange(ChangeKind Change, string GroupId, string GroupName, string UserId, string? Login);

/// <summary>A setting of an app that changed (<c>joinAllRoles</c>, <c>groupFilter</c>, ...), or an app that appeared or went.</summary>
public sealed record AppSettingChange(string AppId, string? AppLabel, string Setting, string? From, string? To);

/// <summary>An assignment (a user's direct one, or a group's) that appeared, went, or whose roles or priority changed.</summary>
public sealed record AssignmentChange(
    ChangeKind Change,
    string AppId,
    string? AppLabel,
    string PrincipalType,
    string PrincipalId,
    string PrincipalName,
    string? From,
    string? To);

/// <summary>Everything that changed between two syncs, in the terms a reviewer reads.</summary>
/// <param name="From">The earlier sync; null when <paramref name="To"/> is the first sync there is (nothing to compare with yet).</param>
public sealed record SyncDiff(
    SyncRunSummary? From,
    SyncRunSummary To,
    IReadOnlyList<AccessChange> Access,
    IReadOnlyList<UserStatusChange> UserStatus,
    IReadOnlyList<MembershipChange> Memberships,
    IReadOnlyList<AppSettingChange> AppSettings,
    IReadOnlyList<AssignmentChange> Assignments)
{
    /// <summary>True when who can assume what changed (what <c>diff --exit-code</c> alerts on).</summary>
    public bool AccessChanged => Access.Count > 0;

    public bool AnythingChanged => Access.Count + UserStatus.Count + Memberships.Count + AppSettings.Count + Assignments.Count > 0;

    /// <summary>
    /// The diff of a file's first sync: nothing to compare with, so no change — not "everything was added", which would
    /// alert on the first night of a cron job, and not an error, which would too.
    /// </summary>
    public static SyncDiff FirstSync(SyncRunSummary to) => new(null, to, [], [], [], [], []);
}
