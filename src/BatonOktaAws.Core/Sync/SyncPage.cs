using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta.Models;

namespace BatonOktaAws.Core.Sync;

/// <summary>
/// One page read from Okta, on its way to the sync file. <see cref="Next"/> (null on the last page) and the
/// running totals become the stream's checkpoint, committed in the same transaction as the page's rows.
/// </summary>
internal abstract record SyncPage(string Stream, Uri? Next, long PagesSoFar, long ItemsSoFar);

internal sealed record AppUsersPage(IReadOnlyList<OktaAppUser> AppUsers, Uri? Next, long PagesSoFar, long ItemsSoFar)
    : SyncPage(SyncStreams.AppUsers, Next, PagesSoFar, ItemsSoFar);

internal sealed record AppGroupsPage(IReadOnlyList<OktaAppGroupAssignment> Assignments, Uri? Next, long PagesSoFar, long ItemsSoFar)
    : SyncPage(SyncStreams.AppGroups, Next, PagesSoFar, ItemsSoFar);

/// <summary>Groups whose names matched the group filter (the page's other groups are dropped before this).</summary>
internal sealed record MappedGroupsPage(IReadOnlyList<(OktaGroup Group, AwsAccountId Account, SamlRole Role)> Groups, Uri? Next, long PagesSoFar, long ItemsSoFar)
    : SyncPage(SyncStreams.MappedGroups, Next, PagesSoFar, ItemsSoFar);

internal sealed record GroupMembersPage(string GroupId, IReadOnlyList<OktaUser> Members, Uri? Next, long PagesSoFar, long ItemsSoFar)
    : SyncPage(SyncStreams.GroupMembers(GroupId), Next, PagesSoFar, ItemsSoFar);

internal sealed record UsersPage(string StreamName, IReadOnlyList<OktaUser> Users, Uri? Next, long PagesSoFar, long ItemsSoFar)
    : SyncPage(StreamName, Next, PagesSoFar, ItemsSoFar);
