using BatonOktaAws.Core.Baton;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Core.Review.Diff;
using BatonOktaAws.Core.Review.Findings;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Review.Report;

/// <summary>
/// Everything a review document shows about one sync, gathered once: the sync, the sync it is compared with (the
/// file's previous one, or another file's latest), the findings, the changes, and each access row enriched for
/// people. Built from sync files alone.
/// </summary>
public sealed class ReviewReportData
{
    private ReviewReportData(ReviewSnapshot sync, ReviewSnapshot? previous, string? previousSource, IReadOnlyList<Finding> findings, SyncDiff? changes, IReadOnlyList<ReportRow> rows, string filePath)
    {
        Roles = Review.Roles.ReachableRole.Of(sync);
        Sync = sync;
        Previous = previous;
        PreviousSource = previousSource;
        Findings = findings;
        Changes = changes;
        Rows = rows;
        FilePath = filePath;
    }

    public ReviewSnapshot Sync { get; }
    public ReviewSnapshot? Previous { get; }

    /// <summary>Where the compared sync comes from, in words ("sync 41 of this file", "sync 7 of q3.db").</summary>
    public string? PreviousSource { get; }

    public IReadOnlyList<Finding> Findings { get; }
    public SyncDiff? Changes { get; }
    public IReadOnlyList<ReportRow> Rows { get; }

    /// <summary>Every role someone can reach, with what the attached IAM exports say of it.</summary>
    public IReadOnlyList<Review.Roles.ReachableRole> Roles { get; }
    public string FilePath { get; }

    /// <param name="file">The sync file.</param>
    /// <param name="syncId">The sync to review; the latest when null.</param>
    /// <param name="baseFile">Another sync file whose latest sync to compare with, instead of the file's previous sync.</param>
    public static ReviewReportData Load(SyncFileReader file, long? syncId, SyncFileReader? baseFile = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        var view = file.Sync(syncId);
        var sync = ReviewSnapshot.Load(view);
        ReviewSnapshot? previous = null;
        string? previousSource = null;
        if (baseFile is not null)
        {
            previous = ReviewSnapshot.Load(baseFile.Latest());
            previousSource = $"sync {previous.Run.Id} of {Path.GetFileName(baseFile.Path)}";
        }
        else if (view.PreviousSyncId is { } previousId)
        {
            previous = ReviewSnapshot.Load(file.Sync(previousId));
            previousSource = $"sync {previousId} of this file";
        }

        var findings = FindingsEngine.Find(sync);
        var changes = previous is null ? null : SyncComparer.Compare(previous, sync);
        var ages = AccessHistory.Of(file, view);
        var added = changes?.Access.Where(c => c.Change == ChangeKind.Added).Select(c => (c.UserId, c.AppId, c.AccountId, c.Role, c.Source)).ToHashSet() ?? [];
        var findingsByRow = findings
            .Where(f => f.UserId is not null && f.AppId is not null && f.AccountId is not null && f.Role is not null)
            .ToLookup(f => (f.UserId!, f.AppId!, f.AccountId!, f.Role!));

        // A finding about a group (not a user) concerns every row that comes through that group in that app.
        var findingsByGroup = findings
            .Where(f => f.UserId is null && f.GroupId is not null && f.AppId is not null)
            .ToLookup(f => (f.AppId!, "group:" + f.GroupId));
        var rows = sync.Access.Select(a => Row(sync, a, added, ages, findingsByRow, findingsByGroup)).ToList();
        return new ReviewReportData(sync, previous, previousSource, findings, changes, rows, file.Path);
    }

    private static ReportRow Row(
        ReviewSnapshot sync,
        AccessRow access,
        HashSet<(string, string, string, string, string)> added,
        IReadOnlyDictionary<(string, string, string, string, string), RowAge> ages,
        ILookup<(string, string, string, string), Finding> findings,
        ILookup<(string, string), Finding> groupFindings)
    {
        var user = sync.Users.GetValueOrDefault(access.UserId);
        var groupId = access.Source.StartsWith("group:", StringComparison.Ordinal) ? access.Source[6..] : null;
        var group = groupId is null ? null : sync.Groups.GetValueOrDefault(groupId);
        var key = AccessHistory.Key(access);
        var grant = groupId is null
            ? $"{EntitlementId.AccountRole(access.AccountId, access.Role)}:{ResourceType.User}:{access.UserId}"
            : $"{EntitlementId.GroupMember(groupId)}:{ResourceType.User}:{access.UserId}";
        var groupSource = group?.GroupType == OktaGroup.AppGroupType ? group.SourceAppName ?? group.SourceAppId ?? "another app" : null;
        return new ReportRow(
            access,
            user?.DisplayName ?? access.DisplayName ?? access.UserId,
            UserStatuses.CanAuthenticate(access.UserStatus),
            groupId is null ? null : group?.Name ?? groupId,
            group?.GroupType,
            groupSource,
            added.Contains(key),
            ages.GetValueOrDefault(key),
            [.. findings[(access.UserId, access.AppId, access.AccountId, access.Role)].Where(f => f.Code != DirectAssignmentRule.Code || groupId is null)
                .Concat(groupFindings[(access.AppId, access.Source)])],
            grant);
    }
}
