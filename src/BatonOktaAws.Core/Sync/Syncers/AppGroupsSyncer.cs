using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Baton;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Core.Okta.Paging;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Sync.Syncers;

/// <summary>
/// An AWS app's group assignments (<c>/api/v1/apps/{appId}/groups?expand=group</c>): the groups, their priority,
/// samlRoles and default role. In single-account mode the assigned groups decide access, so their members are
/// queued and each group is granted the roles its assignment hands out; in group-mapping mode the assignment only
/// makes members app users, so nothing is queued.
/// </summary>
internal sealed class AppGroupsSyncer : ListSyncer<OktaAppGroupAssignment>
{
    private readonly AwsAppContext _app;
    private readonly GroupMemberQueue _members;
    private readonly RoleListCheck _roleList;

    public AppGroupsSyncer(AwsAppContext app, GroupMemberQueue members)
    {
        _app = app;
        _members = members;
        _roleList = new RoleListCheck(app);
    }

    public override string Stream => "app-groups:" + _app.AppId;

    public override string Description => $"groups assigned to {_app.Describe()}";

    private bool SingleAccount => _app.Settings.Mode == AwsAppMode.SingleAccount;

    protected override IAsyncEnumerable<OktaPage<OktaAppGroupAssignment>> ListAsync(OktaClient client, Uri? resumeFrom, CancellationToken cancellationToken) =>
        AppScoped.Wrap(_app, client.ListAppGroupAssignmentsAsync(_app.AppId, resumeFrom, cancellationToken), cancellationToken);

    protected override void OnPageRead(IReadOnlyList<OktaAppGroupAssignment> items)
    {
        if (SingleAccount)
        {
            foreach (var assignment in items)
            {
                _members.Add(assignment.Id!);
            }
        }
    }

    protected override void Write(SyncBatch batch, IReadOnlyList<OktaAppGroupAssignment> assignments)
    {
        foreach (var assignment in assignments)
        {
            var groupId = assignment.Id!;
            var group = assignment.Embedded?.Group is { } embedded && embedded.Id == groupId
                ? SyncRecords.Group(embedded)
                : new GroupRecord(groupId, groupId, null, null);
            batch.UpsertGroup(group);
            batch.AddEntitlement(SyncRecords.Membership(groupId, group.Name));
            var profile = assignment.Profile;
            foreach (var problem in profile?.ShapeProblems ?? [])
            {
                batch.AddWarning(new WarningRecord("unexpected-profile", $"The assignment of group '{OktaId.Printable(group.Name)}' ({groupId}) to {_app.Describe()} has an unexpected profile: {problem}; the usable values were kept.", _app.AppId, "group", groupId));
            }

            batch.PutAppGroup(new AppGroupRecord(_app.AppId, groupId, assignment.Priority, profile?.SamlRoles ?? [], profile?.Role));
            if (!SingleAccount)
            {
                continue;
            }

            // The group itself holds the roles its assignment hands out; its members' access is derived later.
            var account = _app.Settings.AccountId!.Value;
            var where = $"group '{OktaId.Printable(group.Name)}' ({groupId})";
            var roles = AssignmentProfile.Roles(batch, _app, profile, where, "group", groupId);
            foreach (var role in roles.Effective)
            {
                _roleList.Check(batch, role, where, "group", groupId);
                var entitlement = SyncRecords.Role(account, role);
                batch.AddEntitlement(entitlement);
                batch.AddGrant(SyncRecords.Grant(entitlement, ResourceType.Group, groupId), _app.AppId, GrantSource.Direct.Value);
            }
        }
    }
}
