using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Errors;
using BatonOktaAws.Core.Okta.Models;

namespace BatonOktaAws.Core.Aws;

/// <summary>
/// Reads the AWS app's configuration — the app, its user schema and its role list — and refuses, with a
/// message saying what to fix, an app that is missing, not <c>amazon_aws</c>, or misconfigured.
/// </summary>
public static class AwsAppLoader
{
    public const string AwsAppName = "amazon_aws";

    public static async Task<AwsAppContext> LoadAsync(OktaClient client, string appId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
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

        if (app.Settings?.App is not { ValueKind: System.Text.Json.JsonValueKind.Object } settingsApp)
        {
            throw new AwsAppException($"App {appId} has no settings.app object; it does not look like a configured AWS app.");
        }

        AwsAppSettings settings;
        try
        {
            settings = AwsAppSettings.Parse(settingsApp, appId);
        }
        catch (FormatException ex)
        {
            throw new AwsAppException(ex.Message, ex);
        }

        var schema = await client.GetAppUserSchemaAsync(appId, cancellationToken).ConfigureAwait(false);
        var warnings = new List<AwsAppWarning>();
        var roleList = await ReadRoleListAsync(client, appId, warnings, cancellationToken).ConfigureAwait(false);
        return new AwsAppContext(app, settings, schema.SamlRolesUnionEnabled, roleList, warnings);
    }

    private static async Task<IReadOnlyList<SamlRole>?> ReadRoleListAsync(OktaClient client, string appId, List<AwsAppWarning> warnings, CancellationToken cancellationToken)
    {
        var response = await client.GetAwsRoleListAsync(appId, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            warnings.Add(new AwsAppWarning("role-list-unavailable", $"Okta would not list the AWS roles of app {appId} (internal types endpoint refused); role entitlements come only from assignments."));
            return null;
        }

        var roles = new List<SamlRole>();
        foreach (var name in response.SamlIamRole ?? [])
        {
            if (SamlRole.TryParse(name, out var role))
            {
                roles.Add(role.Value);
            }
            else
            {
                warnings.Add(new AwsAppWarning("unusable-role", $"The AWS role list of app {appId} names '{OktaId.Printable(name)}', which is not a usable role name; skipped."));
            }
        }

        return roles.Distinct().ToList();
    }
}

/// <summary>The app id does not lead to a usable AWS app.</summary>
public sealed class AwsAppException : Exception
{
    public AwsAppException()
    {
    }

    public AwsAppException(string message)
        : base(message)
    {
    }

    public AwsAppException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
