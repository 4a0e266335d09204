using System.Text.Json;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Errors;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Aws;

/// <summary>
/// Finds the AWS apps a run covers and reads each one's configuration — settings, user schema, role list —
/// refusing, with a message naming the app and saying what to fix, an app that is missing, not
/// <c>amazon_aws</c>, or misconfigured.
/// </summary>
public static class AwsAppLoader
{
    public const string AwsAppName = "amazon_aws";

    /// <summary>The filter that finds every AWS app in one list (the apps bucket is scarce: one page per 200 apps).</summary>
    public const string AwsAppsFilter = $"name eq \"{AwsAppName}\"";

    /// <summary>
    /// The apps of the selection. <c>all</c>: every ACTIVE <c>amazon_aws</c> app (INACTIVE ones are left out: nobody
    /// can sign in through them). Named ids: each of them, INACTIVE ones included with a warning; one id is read
    /// with one request, several with the one list plus a read for any id the list does not hold (to say why).
    /// </summary>
    /// <exception cref="AwsAppException">An app is missing or not an AWS app, or <c>all</c> finds none.</exception>
    public static async Task<(IReadOnlyList<OktaApplication> Apps, IReadOnlyList<WarningRecord> Warnings)> DiscoverAsync(
        OktaClient client,
        AppSelection selection,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(selection);
        var warnings = new List<WarningRecord>();
        if (selection.All)
        {
            var all = await ListAwsAppsAsync(client, cancellationToken).ConfigureAwait(false);
            var active = all.Where(a => string.Equals(a.Status, "ACTIVE", StringComparison.OrdinalIgnoreCase)).ToList();
            if (active.Count == 0)
            {
                throw new AwsAppException(all.Count == 0
                    ? $"Okta has no Amazon Web Services app ({AwsAppName}) that this token can read; check the token's admin role, or name the app with --aws-okta-app-id."
                    : $"None of the org's {all.Count} Amazon Web Services app(s) is ACTIVE; name an INACTIVE one with --aws-okta-app-id to sync it anyway.");
            }

            return (active, warnings);
        }

        Dictionary<string, OktaApplication> listed = selection.Ids.Count == 1
            ? new Dictionary<string, OktaApplication>(StringComparer.Ordinal)
            : (await ListAwsAppsAsync(client, cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Id!, StringComparer.Ordinal);
        var apps = new List<OktaApplication>(selection.Ids.Count);
        foreach (var id in selection.Ids)
        {
            var app = listed.TryGetValue(id, out var found) ? found : await GetAwsAppAsync(client, id, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(app.Status, "ACTIVE", StringComparison.OrdinalIgnoreCase))
            {
                warnings.Add(new WarningRecord(
                    "inactive-app",
                    $"App '{OktaId.Printable(app.Label)}' ({id}) is {OktaId.Printable(app.Status)}: nobody can sign in to AWS through it now; its assignments are listed because it was named.",
                    id,
                    "app",
                    id));
            }

            apps.Add(app);
        }

        return (apps, warnings);
    }

    /// <summary>Reads one app's user schema and role list and checks its settings.</summary>
    /// <exception cref="AwsAppException">The app is not usable; the message names it.</exception>
    public static async Task<AwsAppContext> LoadAsync(OktaClient client, OktaApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(app);
        var appId = app.Id!;
        var name = $"'{OktaId.Printable(app.Label)}' ({appId})";
        if (!string.Equals(app.Name, AwsAppName, StringComparison.Ordinal))
        {
            throw new AwsAppException($"App {name} is a '{OktaId.Printable(app.Name)}' app, not the Amazon Web Services app ({AwsAppName}).");
        }

        if (app.Settings?.App is not { ValueKind: JsonValueKind.Object } settingsApp)
        {
            throw new AwsAppException($"App {name} has no settings.app object; it does not look like a configured AWS app.");
        }

        AwsAppSettings settings;
        try
        {
            settings = AwsAppSettings.Parse(settingsApp, appId);
        }
        catch (FormatException ex)
        {
            throw new AwsAppException($"App {name}: {ex.Message}", ex);
        }

        var warnings = new List<WarningRecord>();
        var (settingsJson, removed) = AppSettingsRedactor.Redact(settingsApp);
        if (removed.Count > 0)
        {
            warnings.Add(new WarningRecord(
                "credentials-not-stored",
                $"App {name} carries credentials in settings.app ({string.Join(", ", removed)}); they were left out of the sync file.",
                appId,
                "app",
                appId));
        }

        try
        {
            var schema = await client.GetAppUserSchemaAsync(appId, cancellationToken).ConfigureAwait(false);
            var roleList = await ReadRoleListAsync(client, appId, name, warnings, cancellationToken).ConfigureAwait(false);
            return new AwsAppContext(app, settings, schema.SamlRolesUnionEnabled, roleList, warnings, settingsJson);
        }
        catch (OktaApiException ex)
        {
            throw new AwsAppException($"App {name}: {ex.Message}", ex);
        }
    }

    /// <summary>Reads one app by id (one request) and its configuration.</summary>
    /// <exception cref="AwsAppException">The app is missing, not an AWS app, or not usable.</exception>
    public static async Task<AwsAppContext> LoadAsync(OktaClient client, string appId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var app = await GetAwsAppAsync(client, OktaId.Require(appId, "The AWS app id"), cancellationToken).ConfigureAwait(false);
        return await LoadAsync(client, app, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<OktaApplication>> ListAwsAppsAsync(OktaClient client, CancellationToken cancellationToken)
    {
        var apps = new List<OktaApplication>();
        try
        {
            await foreach (var page in client.ListApplicationsAsync(AwsAppsFilter, null, cancellationToken).ConfigureAwait(false))
            {
                // The filter is Okta's; keep only what it promised, should a proxy or an older org ignore it.
                apps.AddRange(page.Items.Where(a => string.Equals(a.Name, AwsAppName, StringComparison.Ordinal)));
            }
        }
        catch (OktaApiException ex) when (ex.IsForbidden)
        {
            throw new AwsAppException($"The API token may not list the org's apps ({ex.Status} {ex.ErrorCode}); it needs an admin role that can read apps, or name the apps with --aws-okta-app-id.", ex);
        }

        return apps;
    }

    private static async Task<OktaApplication> GetAwsAppAsync(OktaClient client, string appId, CancellationToken cancellationToken)
    {
        OktaApplication app;
        try
        {
            app = await client.GetApplicationAsync(appId, cancellationToken).ConfigureAwait(false);
        }
        catch (OktaApiException ex) when (ex.IsNotFound)
        {
            throw new AwsAppException($"Okta has no app with id {appId} ({ex.Status} {ex.ErrorCode}); check the AWS app id.", ex);
        }
        catch (OktaApiException ex) when (ex.IsForbidden)
        {
            throw new AwsAppException($"The API token may not read app {appId} ({ex.Status} {ex.ErrorCode}); it needs an admin role that can read apps.", ex);
        }

        if (!string.Equals(app.Name, AwsAppName, StringComparison.Ordinal))
        {
            throw new AwsAppException($"App {appId} ('{OktaId.Printable(app.Label)}') is a '{OktaId.Printable(app.Name)}' app, not the Amazon Web Services app ({AwsAppName}).");
        }

        return app;
    }

    private static async Task<IReadOnlyList<SamlRole>?> ReadRoleListAsync(OktaClient client, string appId, string name, List<WarningRecord> warnings, CancellationToken cancellationToken)
    {
        var response = await client.GetAwsRoleListAsync(appId, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            warnings.Add(new WarningRecord(
                "role-list-unavailable",
                $"Okta would not list the AWS roles of app {name} (internal types endpoint refused); roles could not be checked against the account.",
                appId,
                "app",
                appId));
            return null;
        }

        var roles = new List<SamlRole>();
        foreach (var role in response.SamlIamRole ?? [])
        {
            if (SamlRole.TryParse(role, out var parsed))
            {
                roles.Add(parsed.Value);
            }
            else
            {
                warnings.Add(new WarningRecord("unusable-role", $"The AWS role list of app {name} names '{OktaId.Printable(role)}', which is not a role name IAM accepts; skipped.", appId, "role", role));
            }
        }

        return roles.Distinct().ToList();
    }
}
