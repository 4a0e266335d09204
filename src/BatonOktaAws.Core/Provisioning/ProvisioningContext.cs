using System.Text.Json;
using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Store;

namespace BatonOktaAws.Core.Provisioning;

/// <summary>
/// What the changes of one run share: the client, the options, and reads made once per run — the AWS app's
/// configuration and its group assignments — so a batch does not spend the scarce apps bucket per line.
/// </summary>
internal sealed class ProvisioningContext
{
    private AwsAppContext? _app;
    private List<OktaAppGroupAssignment>? _appGroups;
    private readonly Dictionary<string, OktaUser?> _users = new(StringComparer.OrdinalIgnoreCase);

    public ProvisioningContext(OktaClient client, ProvisioningOptions options)
    {
        Client = client;
        Options = options;
    }

    public OktaClient Client { get; }
    public ProvisioningOptions Options { get; }
    public string AppId => Options.AppId;

    public async Task<AwsAppContext> AppAsync(CancellationToken cancellationToken) =>
        _app ??= await AwsAppLoader.LoadAsync(Client, AppId, cancellationToken).ConfigureAwait(false);

    /// <summary>The app's group assignments, read once (a few pages of the apps bucket).</summary>
    public async Task<IReadOnlyList<OktaAppGroupAssignment>> AppGroupsAsync(CancellationToken cancellationToken)
    {
        if (_appGroups is null)
        {
            var groups = new List<OktaAppGroupAssignment>();
            await foreach (var page in Client.ListAppGroupAssignmentsAsync(AppId, null, cancellationToken).ConfigureAwait(false))
            {
                groups.AddRange(page.Items);
            }

            _appGroups = groups;
        }

        return _appGroups;
    }

    /// <summary>Forgets the cached group assignments after a write that changed them.</summary>
    public void AppGroupsChanged() => _appGroups = null;

    /// <summary>
    /// The user a change names. Okta's <c>GET /api/v1/users/{idOrLogin}</c> also answers for a login's short name
    /// (the part before <c>@</c>), so the answer must be exactly the id asked for, or a login equal to the one
    /// asked for (logins compare case-insensitively, as Okta does); anything else is refused naming both.
    /// </summary>
    /// <exception cref="ProvisioningException">Okta has no such user, or resolved the name to someone else.</exception>
    public async Task<OktaUser> RequireUserAsync(string idOrLogin, CancellationToken cancellationToken)
    {
        if (!_users.TryGetValue(idOrLogin, out var user))
        {
            user = await Client.FindUserAsync(idOrLogin, cancellationToken).ConfigureAwait(false);
            _users[idOrLogin] = user;
        }

        if (user is null)
        {
            throw new ProvisioningException($"Okta has no user '{OktaId.Printable(idOrLogin)}'.");
        }

        var login = user.Profile?.Login;
        if (!string.Equals(user.Id, idOrLogin, StringComparison.Ordinal) && !string.Equals(login, idOrLogin, StringComparison.OrdinalIgnoreCase))
        {
            throw new ProvisioningException(
                $"'{OktaId.Printable(idOrLogin)}' is neither the id nor the login of the user Okta returned for it, {OktaId.Printable(login ?? "(no login)")} ({user.Id}); " +
                "Okta resolves short names, so give that user's full login or id if it is the one you mean.");
        }

        return user;
    }

    /// <exception cref="ProvisioningException">Okta has no such group.</exception>
    public async Task<OktaGroup> RequireGroupAsync(string groupId, CancellationToken cancellationToken) =>
        await Client.FindGroupAsync(groupId, cancellationToken).ConfigureAwait(false)
        ?? throw new ProvisioningException($"Okta has no group {groupId}.");

    /// <summary>
    /// Checks an <c>account:A:R</c> change against the app: group-mapping apps take roles from group names
    /// (refused, naming the groups to use instead), and A must be the app's account.
    /// </summary>
    public async Task<(AwsAppContext App, SamlRole Role, List<string> Warnings)> RequireRoleChangeAllowedAsync(ProvisioningChange change, CancellationToken cancellationToken)
    {
        var app = await AppAsync(cancellationToken).ConfigureAwait(false);
        var account = change.Entitlement.ResourceId;
        var role = SamlRole.Parse(change.Entitlement.Slug);
        if (app.Settings.Mode == AwsAppMode.GroupMapping)
        {
            throw new ProvisioningException(GroupMappingRefusal(account, role.Name, change.Action));
        }

        if (app.Settings.AccountId?.Value != account)
        {
            throw new ProvisioningException($"{change.Entitlement}: the AWS app {AppId} is for account {app.Settings.AccountId}, not {account}.");
        }

        var warnings = new List<string>();
        if (app.RoleList is { } roles && !roles.Contains(role))
        {
            var known = roles.Count == 0 ? "it lists none" : string.Join(", ", roles);
            if (change.Action == ChangeAction.Grant && !Options.AllowUnknownRole)
            {
                // Okta stores any samlRole, but AWS rejects the sign-in for a role its SAML provider does not know.
                throw new ProvisioningException(
                    $"Role {role} is not in the AWS role list Okta reports for app {AppId} ({known}): Okta would accept the grant but the sign-in to AWS would fail. " +
                    "Check the name, or pass --allow-unknown-role if the role was just created in AWS and the list lags behind.");
            }

            warnings.Add($"Role {role} is not in the AWS role list Okta reports for app {AppId} ({known}); check the name.");
        }
        else if (app.RoleList is null)
        {
            warnings.Add($"Okta would not list the AWS roles of app {AppId}, so role {role} could not be checked.");
        }

        return (app, role, warnings);
    }

    public static string Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Serialize(value, type);

    private string GroupMappingRefusal(string account, string role, ChangeAction action)
    {
        var (verb, verbed) = action == ChangeAction.Grant ? ("Grant", "granted") : ("Revoke", "revoked");
        var prefix = $"The AWS app {AppId} uses group mapping: account and role come from group names, so account:{account}:{role} cannot be {verbed} directly.";
        if (Options.SyncFilePath is null || !File.Exists(Options.SyncFilePath))
        {
            return $"{prefix} {verb} group:<groupId>:member of a group whose name maps to it (pass --file with a recent sync file to list them).";
        }

        try
        {
            using var reader = SyncFileReader.Open(Options.SyncFilePath);
            var groups = reader.Latest().MappedGroupsGranting(account, role).Where(g => g.Group.AppId == AppId).ToList();
            return groups.Count == 0
                ? $"{prefix} The sync file {Options.SyncFilePath} knows no group that maps to it; create one whose name matches the app's groupFilter."
                : $"{prefix} {verb} membership of {string.Join(" or ", groups.Select(g => $"group:{g.Group.GroupId}:member ('{g.Name}')"))} instead.";
        }
        catch (SyncFileException ex)
        {
            return $"{prefix} {verb} group:<groupId>:member of a group whose name maps to it ({ex.Message})";
        }
    }
}
