using System.Text.Json;
using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Errors;
using BatonOktaAws.Core.Okta.Models;

namespace BatonOktaAws.Core.Provisioning;

/// <summary>
/// What the changes of one run share: the client, the options, and reads made once per run — which AWS app serves
/// which account, each app's configuration and group assignments — so a batch does not spend the scarce apps
/// bucket per line.
/// </summary>
internal sealed class ProvisioningContext
{
    private readonly AppResolver _apps;
    private readonly Dictionary<string, List<OktaAppGroupAssignment>> _appGroups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OktaUser?> _users = new(StringComparer.OrdinalIgnoreCase);

    public ProvisioningContext(OktaClient client, ProvisioningOptions options)
    {
        Client = client;
        Options = options;
        _apps = new AppResolver(client, options);
    }

    public OktaClient Client { get; }
    public ProvisioningOptions Options { get; }

    /// <summary>An app's group assignments, read once (a few pages of the apps bucket).</summary>
    public async Task<IReadOnlyList<OktaAppGroupAssignment>> AppGroupsAsync(string appId, CancellationToken cancellationToken)
    {
        if (!_appGroups.TryGetValue(appId, out var groups))
        {
            groups = [];
            await foreach (var page in Client.ListAppGroupAssignmentsAsync(appId, null, cancellationToken).ConfigureAwait(false))
            {
                groups.AddRange(page.Items);
            }

            _appGroups[appId] = groups;
        }

        return groups;
    }

    /// <summary>Forgets an app's cached group assignments after a write that changed them.</summary>
    public void AppGroupsChanged(string appId) => _appGroups.Remove(appId);

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
    /// Where an APP_GROUP's members come from, for the refusal: its source app (<c>_links.source</c>) by label and
    /// catalog name, read with one request; just the id when Okta will not show the app, or "its source" without one.
    /// </summary>
    public async Task<string> DescribeSourceAsync(OktaGroup group, CancellationToken cancellationToken)
    {
        if (group.SourceAppId is not { } appId || !OktaId.IsValid(appId))
        {
            return "the directory or app it comes from";
        }

        string? label = group.Embedded?.App?.Label;
        string? name = group.Embedded?.App?.Name;
        if (label is null)
        {
            try
            {
                var app = await Client.GetApplicationAsync(appId, cancellationToken).ConfigureAwait(false);
                (label, name) = (app.Label, app.Name);
            }
            catch (OktaApiException)
            {
                // The token may not read that app; the id still says where to look.
            }
        }

        return label is null
            ? $"app {appId}"
            : $"'{OktaId.Printable(label)}' ({(name is null ? string.Empty : OktaId.Printable(name) + " app ")}{appId})";
    }

    /// <summary>
    /// Finds the app an <c>account:A:R</c> change goes to (see <see cref="AppResolver"/>) and checks the role
    /// against the app's AWS role list when Okta gives it.
    /// </summary>
    public async Task<(AwsAppContext App, SamlRole Role, List<string> Warnings)> RequireRoleChangeAllowedAsync(ProvisioningChange change, CancellationToken cancellationToken)
    {
        var (app, warnings) = await _apps.ResolveAsync(change, cancellationToken).ConfigureAwait(false);
        var role = SamlRole.Parse(change.Entitlement.Slug);
        if (app.RoleList is { } roles && !roles.Contains(role))
        {
            var known = roles.Count == 0 ? "it lists none" : string.Join(", ", roles);
            if (change.Action == ChangeAction.Grant && !Options.AllowUnknownRole)
            {
                // Okta stores any samlRole, but AWS rejects the sign-in for a role its SAML provider does not know.
                throw new ProvisioningException(
                    $"Role {role} is not in the AWS role list Okta reports for app {app.Describe()} ({known}): Okta would accept the grant but the sign-in to AWS would fail. " +
                    "Check the name, or pass --allow-unknown-role if the role was just created in AWS and the list lags behind.");
            }

            warnings.Add($"Role {role} is not in the AWS role list Okta reports for app {app.Describe()} ({known}); check the name.");
        }
        else if (app.RoleList is null)
        {
            warnings.Add($"Okta would not list the AWS roles of app {app.Describe()}, so role {role} could not be checked.");
        }

        return (app, role, warnings);
    }

    public static string Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Serialize(value, type);
}
