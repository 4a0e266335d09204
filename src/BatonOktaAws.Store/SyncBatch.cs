using BatonOktaAws.Store.Model;
using Microsoft.Data.Sqlite;

namespace BatonOktaAws.Store;

/// <summary>
/// One transaction's worth of writes (typically one page from Okta plus its checkpoint), through prepared
/// statements. Disposing without <see cref="Commit"/> rolls everything back.
/// </summary>
public sealed class SyncBatch : IDisposable
{
    private readonly SqliteTransaction _transaction;
    private readonly SyncStatements _statements;
    private readonly long _runId;
    private bool _done;

    internal SyncBatch(SqliteConnection connection, SyncStatements statements, long runId)
    {
        _transaction = connection.BeginTransaction();
        _statements = statements;
        _runId = runId;
        statements.Enlist(_transaction);
    }

    public void UpsertUser(UserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        _statements.UpsertUser.Run(user.Id, user.DisplayName, user.Login, user.Email, user.SecondaryEmail, user.Status);
    }

    public void UpsertGroup(GroupRecord group)
    {
        ArgumentNullException.ThrowIfNull(group);
        _statements.UpsertGroup.Run(group.Id, group.Name, group.Description, group.GroupType);
    }

    public void UpsertAccount(AccountRecord account)
    {
        ArgumentNullException.ThrowIfNull(account);
        _statements.UpsertAccount.Run(account.Id, account.DisplayName);
    }

    public void AddEntitlement(EntitlementRecord entitlement)
    {
        ArgumentNullException.ThrowIfNull(entitlement);
        var id = entitlement.Id;
        _statements.InsertEntitlement.Run(id.ToString(), id.ResourceType, id.ResourceId, id.Slug, entitlement.DisplayName, entitlement.Description);
    }

    /// <summary>Adds the grant (once) and this source for it (once): a grant held two ways gets two sources.</summary>
    public void AddGrant(GrantId grant, GrantSource source)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(source);
        var id = grant.ToString();
        _statements.InsertGrant.Run(id, grant.Entitlement.ToString(), grant.Entitlement.ResourceType, grant.Entitlement.ResourceId, grant.PrincipalType, grant.PrincipalId);
        _statements.InsertGrantSource.Run(id, source.Value);
    }

    public void PutAppUser(AppUserRecord appUser)
    {
        ArgumentNullException.ThrowIfNull(appUser);
        _statements.PutAppUser.Run(appUser.UserId, appUser.Scope, RolesJson.Write(appUser.SamlRoles));
    }

    public void PutAppGroup(AppGroupRecord appGroup)
    {
        ArgumentNullException.ThrowIfNull(appGroup);
        _statements.PutAppGroup.Run(appGroup.GroupId, appGroup.Priority, RolesJson.Write(appGroup.SamlRoles));
    }

    public void PutMappedGroup(MappedGroupRecord mapped)
    {
        ArgumentNullException.ThrowIfNull(mapped);
        _statements.PutMappedGroup.Run(mapped.GroupId, mapped.AccountId, mapped.Role);
    }

    public void PutAwsApp(AwsAppRecord app, IReadOnlyCollection<string> roleList)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(roleList);
        _statements.PutAwsApp.Run(
            app.AppId, app.Name, app.Label, app.Status, app.IdentityProviderArn, app.AccountId,
            app.JoinAllRoles, app.UseGroupMapping, app.GroupFilter, app.RoleValuePattern,
            app.SamlRolesUnion, app.RoleListAvailable, app.SettingsJson);
        _statements.ClearRoleList.Run();
        foreach (var role in roleList)
        {
            _statements.InsertRole.Run(role);
        }
    }

    public void SaveCheckpoint(StreamCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        _statements.PutCheckpoint.Run(checkpoint.Stream, checkpoint.NextUrl, checkpoint.Pages, checkpoint.Items, checkpoint.Done);
    }

    public void AddWarning(string code, string message) => _statements.InsertWarning.Run(_runId, code, message);

    public void Commit()
    {
        _transaction.Commit();
        _done = true;
    }

    public void Dispose()
    {
        if (!_done)
        {
            _transaction.Rollback();
        }

        _transaction.Dispose();
    }
}
