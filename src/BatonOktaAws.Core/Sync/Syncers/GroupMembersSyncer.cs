using BatonOktaAws.Core.Baton;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Core.Okta.Paging;
using BatonOktaAws.Store;

namespace BatonOktaAws.Core.Sync.Syncers;

/// <summary>One group's members (<c>/api/v1/groups/{groupId}/users</c>): user resources and membership grants.</summary>
internal sealed class GroupMembersSyncer : ListSyncer<OktaUser>
{
    private readonly string _groupId;
    private readonly bool _skipSecondaryEmails;

    public GroupMembersSyncer(string groupId, bool skipSecondaryEmails)
    {
        _groupId = groupId;
        _skipSecondaryEmails = skipSecondaryEmails;
    }

    public override string Stream => "group-members:" + _groupId;

    public override string Description => $"members of group {_groupId}";

    protected override IAsyncEnumerable<OktaPage<OktaUser>> ListAsync(OktaClient client, Uri? resumeFrom, CancellationToken cancellationToken) =>
        client.ListGroupMembersAsync(_groupId, resumeFrom, cancellationToken);

    protected override void Write(SyncBatch batch, IReadOnlyList<OktaUser> members)
    {
        foreach (var member in members)
        {
            batch.UpsertUser(SyncRecords.User(member, _skipSecondaryEmails));
            batch.AddGrant(SyncRecords.MembershipGrant(_groupId, member.Id!), SyncRecords.NoApp, GrantSource.Direct.Value);
        }
    }
}
