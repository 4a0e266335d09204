using BatonOktaAws.Store.Model;
using Microsoft.Data.Sqlite;

namespace BatonOktaAws.Store;

/// <summary>
/// One transaction's worth of writes for the running sync (typically the pages from Okta waiting to be written,
/// each with its checkpoint), through prepared statements. Disposing without <see cref="Commit"/> rolls everything back.
/// </summary>
public sealed partial class SyncBatch : IDisposable
{
    private readonly SqliteTransaction _transaction;
    private readonly SyncStatements _statements;
    private readonly WrittenUsers _writtenUsers;
    private readonly long _syncId;
    private Dictionary<string, UInt128>? _usersInBatch;
    private bool _done;

    internal SyncBatch(SqliteConnection connection, SyncStatements statements, WrittenUsers writtenUsers, long syncId)
    {
        _transaction = connection.BeginTransaction();
        _statements = statements;
        _writtenUsers = writtenUsers;
        _syncId = syncId;
    }

    /// <summary>Adds the user, or updates the profile columns the record carries; a repeat of the user's last write is skipped (<see cref="WrittenUsers"/>).</summary>
    public void UpsertUser(UserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var digest = WrittenUsers.Digest(user);
        var repeat = _usersInBatch is not null && _usersInBatch.TryGetValue(user.Id, out var inBatch)
            ? inBatch == digest
            : _writtenUsers.IsLastWrite(user.Id, digest);
        if (repeat)
        {
            return;
        }

        _statements.UpsertUser.Run(_syncId, user.Id, user.DisplayName, user.Login, user.Email, user.SecondaryEmail, user.Status, user.FirstName, user.LastName);
        (_usersInBatch ??= new(StringComparer.Ordinal))[user.Id] = digest;
    }

    public void UpsertGroup(GroupRecord group)
    {
        ArgumentNullException.ThrowIfNull(group);
        _statements.UpsertGroup.Run(_syncId, group.Id, group.Name, group.Description, group.GroupType, group.SourceAppId, group.SourceAppName);
    }

    public void UpsertAccount(AccountRecord account)
    {
        ArgumentNullException.ThrowIfNull(account);
        _statements.UpsertAccount.Run(_syncId, account.Id, account.DisplayName);
    }

    public void AddEntitlement(EntitlementRecord entitlement)
    {
        ArgumentNullException.ThrowIfNull(entitlement);
        _statements.InsertEntitlement.Run(_syncId, entitlement.Id, entitlement.ResourceType, entitlement.ResourceId, entitlement.Slug, entitlement.DisplayName, entitlement.Description);
    }

    /// <summary>Adds the grant (once) and this source for it (once): a grant held two ways gets two sources.</summary>
    /// <param name="appId">The AWS app the grant comes through; empty when no app decides it (group membership).</param>
    public void AddGrant(GrantRecord grant, string appId, string source)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(appId);
        ArgumentException.ThrowIfNullOrEmpty(source);
        _statements.InsertGrant.Run(_syncId, grant.Id, grant.EntitlementId, grant.ResourceType, grant.ResourceId, grant.PrincipalType, grant.PrincipalId);
        _statements.InsertGrantSource.Run(_syncId, grant.Id, appId, source);
    }

    public void PutAppUser(AppUserRecord appUser)
    {
        ArgumentNullException.ThrowIfNull(appUser);
        _statements.PutAppUser.Run(_syncId, appUser.AppId, appUser.UserId, appUser.Scope, RolesJson.Write(appUser.SamlRoles), appUser.Role);
    }

    public void PutAppGroup(AppGroupRecord appGroup)
    {
        ArgumentNullException.ThrowIfNull(appGroup);
        _statements.PutAppGroup.Run(_syncId, appGroup.AppId, appGroup.GroupId, appGroup.Priority, RolesJson.Write(appGroup.SamlRoles), appGroup.Role);
    }

    public void PutMappedGroup(MappedGroupRecord mapped)
    {
        ArgumentNullException.ThrowIfNull(mapped);
        _statements.PutMappedGroup.Run(_syncId, mapped.AppId, mapped.GroupId, mapped.AccountId, mapped.Role);
    }

    /// <summary>Records an AWS app and replaces its role list.</summary>
    public void PutAwsApp(AwsAppRecord app, IReadOnlyCollection<string> roleList)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(roleList);
        _statements.PutAwsApp.Run(
            _syncId, app.AppId, app.Name, app.Label, app.Status, app.IdentityProviderArn, app.AccountId,
            app.JoinAllRoles, app.UseGroupMapping, app.GroupFilter, app.AppFilter, app.RoleValuePattern,
            app.SamlRolesUnion, app.RoleListAvailable, app.SettingsJson);
        _statements.ClearRoleList.Run(_syncId, app.AppId);
        foreach (var role in roleList)
        {
            _statements.InsertRole.Run(_syncId, app.AppId, role);
        }
    }

    public void SaveCheckpoint(StreamCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        _statements.PutCheckpoint.Run(checkpoint.Stream, checkpoint.NextUrl, checkpoint.Pages, checkpoint.Items, checkpoint.Done);
    }

    public void AddWarning(WarningRecord warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        _statements.InsertWarning.Run(_syncId, warning.Code, warning.Message, warning.AppId, warning.SubjectType, warning.SubjectId);
    }

    public void PutIamExport(IamExportRecord export)
    {
        ArgumentNullException.ThrowIfNull(export);
        _statements.PutIamExport.Run(_syncId, export.AccountId, export.Kind, export.SourceFile, Timestamp(export.ExportedAt), export.Complete);
    }

    public void PutIamRole(IamRoleRecord role)
    {
        ArgumentNullException.ThrowIfNull(role);
        _statements.PutIamRole.Run(
            _syncId, role.AccountId, role.Name, role.Arn, role.Path, Timestamp(role.LastUsedAt), JsonColumns.Write(role.AttachedPolicies),
            RolesJson.Write(role.InlinePolicies), role.PermissionsBoundary, role.AdminEquivalent, RolesJson.Write(role.AdminReasons), role.AdminComplete,
            RolesJson.Write(role.TrustedSamlProviders));
    }

    public void PutIamUser(IamUserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        _statements.PutIamUser.Run(
            _syncId, user.AccountId, user.Name, user.Arn, user.IsRoot, user.PasswordEnabled, Timestamp(user.PasswordLastUsed), user.MfaActive,
            user.ActiveAccessKeys, Timestamp(user.AccessKeyLastUsed), user.AdminEquivalent);
    }

    public void PutRoleStatus(RoleStatusRecord status)
    {
        ArgumentNullException.ThrowIfNull(status);
        _statements.PutRoleStatus.Run(
            _syncId, status.AppId, status.AccountId, status.Role, status.Status, status.IamRoleArn, status.ExpectedArn, status.ProviderArn, status.Trust,
            RolesJson.Write(status.Notes));
    }

    /// <summary>Removes what an earlier attachment of IAM exports wrote for this sync (a new import replaces it).</summary>
    public void ClearIam() => _statements.ClearIam.Run(_syncId);

    public void Commit()
    {
        _transaction.Commit();
        _done = true;
        if (_usersInBatch is not null)
        {
            _writtenUsers.Commit(_usersInBatch);
        }
    }

    private static string? Timestamp(DateTimeOffset? value) => value?.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        if (!_done)
        {
            _transaction.Rollback();
        }

        _transaction.Dispose();
    }
}
