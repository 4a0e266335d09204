using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Sync;

/// <summary>
/// Turns each page into rows of the sync file — resources, entitlements, grants, the app's raw assignments —
/// and commits them with the page's checkpoint in one transaction.
/// </summary>
internal sealed class PageSink
{
    private readonly SyncFileWriter _writer;
    private readonly AwsAppContext _app;
    private readonly bool _skipSecondaryEmails;

    public PageSink(SyncFileWriter writer, AwsAppContext app, bool skipSecondaryEmails)
    {
        _writer = writer;
        _app = app;
        _skipSecondaryEmails = skipSecondaryEmails;
    }

    public long Pages { get; private set; }
    public long AppUsers { get; private set; }
    public long GroupPagesDone { get; private set; }

    /// <summary>Writes the app's settings, its account and the role entitlements known up front.</summary>
    public void WriteConfiguration()
    {
        var settings = _app.Settings;
        using var batch = _writer.BeginBatch();
        batch.PutAwsApp(
            new AwsAppRecord(
                _app.AppId,
                _app.App.Name,
                _app.App.Label,
                _app.App.Status,
                settings.IdentityProviderArn,
                settings.AccountId?.Value,
                settings.JoinAllRoles,
                settings.UseGroupMapping,
                settings.GroupFilterPattern,
                settings.RoleValuePattern,
                _app.SamlRolesUnion,
                _app.RoleList is not null,
                _app.App.Settings?.App?.GetRawText() ?? "{}"),
            _app.RoleList?.Select(r => r.Name).ToList() ?? []);
        if (settings.AccountId is { } account && settings.Mode == AwsAppMode.SingleAccount)
        {
            batch.UpsertAccount(SyncRecords.Account(account));
            foreach (var role in _app.RoleList ?? [])
            {
                batch.AddEntitlement(SyncRecords.Role(account, role));
            }
        }

        if (!_writer.Resumed)
        {
            foreach (var warning in _app.Warnings)
            {
                batch.AddWarning(warning.Code, warning.Message);
            }
        }

        batch.Commit();
    }

    public void Write(SyncPage page)
    {
        using var batch = _writer.BeginBatch();
        switch (page)
        {
            case AppUsersPage p:
                WriteAppUsers(batch, p.AppUsers);
                break;
            case AppGroupsPage p:
                WriteAppGroups(batch, p.Assignments);
                break;
            case MappedGroupsPage p:
                WriteMappedGroups(batch, p.Groups);
                break;
            case GroupMembersPage p:
                WriteMembers(batch, p.GroupId, p.Members);
                if (p.Next is null)
                {
                    GroupPagesDone++;
                }

                break;
            case UsersPage p:
                foreach (var user in p.Users)
                {
                    batch.UpsertUser(SyncRecords.User(user, _skipSecondaryEmails));
                }

                break;
            default:
                throw new InvalidOperationException($"Unknown page type {page.GetType().Name}.");
        }

        batch.SaveCheckpoint(new StreamCheckpoint(page.Stream, page.Next?.ToString(), page.PagesSoFar, page.ItemsSoFar, page.Next is null));
        batch.Commit();
        Pages++;
    }

    private void WriteAppUsers(SyncBatch batch, IReadOnlyList<OktaAppUser> appUsers)
    {
        foreach (var appUser in appUsers)
        {
            var id = appUser.Id!;
            batch.UpsertUser(appUser.Embedded?.User is { } user && user.Id == id
                ? SyncRecords.User(user, _skipSecondaryEmails)
                : SyncRecords.UnknownUser(id));
            var scope = appUser.Scope;
            if (scope is not (OktaAppUser.UserScope or OktaAppUser.GroupScope))
            {
                batch.AddWarning("unknown-scope", $"App user {id} has scope '{OktaId.Printable(scope)}'; treated as GROUP.");
                scope = OktaAppUser.GroupScope;
            }

            batch.PutAppUser(new AppUserRecord(id, scope, appUser.Profile?.SamlRoles ?? []));
            AppUsers++;
        }
    }

    private void WriteAppGroups(SyncBatch batch, IReadOnlyList<OktaAppGroupAssignment> assignments)
    {
        var settings = _app.Settings;
        foreach (var assignment in assignments)
        {
            var groupId = assignment.Id!;
            var group = assignment.Embedded?.Group is { } embedded && embedded.Id == groupId
                ? SyncRecords.Group(embedded)
                : new GroupRecord(groupId, groupId, null, null);
            batch.UpsertGroup(group);
            batch.AddEntitlement(SyncRecords.Membership(groupId, group.Name));
            var roles = assignment.Profile?.SamlRoles ?? [];
            batch.PutAppGroup(new AppGroupRecord(groupId, assignment.Priority, roles));
            if (settings.Mode != AwsAppMode.SingleAccount)
            {
                continue;
            }

            // The group itself holds the roles it is assigned; its members' access is derived later.
            var account = settings.AccountId!.Value;
            foreach (var name in roles)
            {
                if (!SamlRole.TryParse(name, out var role))
                {
                    batch.AddWarning("unusable-role", $"Group assignment {groupId} has samlRole '{OktaId.Printable(name)}', which is not a usable role name; skipped.");
                    continue;
                }

                var entitlement = SyncRecords.Role(account, role.Value);
                batch.AddEntitlement(entitlement);
                batch.AddGrant(new GrantId(entitlement.Id, ResourceType.Group, groupId), GrantSource.Direct);
            }
        }
    }

    private static void WriteMappedGroups(SyncBatch batch, IReadOnlyList<(OktaGroup Group, AwsAccountId Account, SamlRole Role)> groups)
    {
        foreach (var (okta, account, role) in groups)
        {
            var group = SyncRecords.Group(okta);
            batch.UpsertGroup(group);
            batch.AddEntitlement(SyncRecords.Membership(group.Id, group.Name));
            batch.PutMappedGroup(new MappedGroupRecord(group.Id, account.Value, role.Name));
            batch.UpsertAccount(SyncRecords.Account(account));
            var entitlement = SyncRecords.Role(account, role);
            batch.AddEntitlement(entitlement);
            batch.AddGrant(new GrantId(entitlement.Id, ResourceType.Group, group.Id), GrantSource.Direct);
        }
    }

    private void WriteMembers(SyncBatch batch, string groupId, IReadOnlyList<OktaUser> members)
    {
        var membership = EntitlementId.GroupMember(groupId);
        foreach (var member in members)
        {
            batch.UpsertUser(SyncRecords.User(member, _skipSecondaryEmails));
            batch.AddGrant(new GrantId(membership, ResourceType.User, member.Id!), GrantSource.Direct);
        }
    }
}
