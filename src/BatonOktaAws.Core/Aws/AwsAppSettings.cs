using System.Text.Json;

namespace BatonOktaAws.Core.Aws;

/// <summary>
/// The AWS app's <c>settings.app</c>, parsed leniently: Okta gives it no schema, so any key may be null or
/// absent, and booleans sometimes arrive as strings. What the mode needs is then required.
/// </summary>
public sealed record AwsAppSettings
{
    public string? IdentityProviderArn { get; init; }

    /// <summary>The account of <see cref="IdentityProviderArn"/>, when it has one.</summary>
    public AwsAccountId? AccountId { get; init; }

    public bool JoinAllRoles { get; init; }
    public bool UseGroupMapping { get; init; }
    public string? GroupFilterPattern { get; init; }
    public AwsGroupFilter? GroupFilter { get; init; }
    public string? RoleValuePattern { get; init; }

    /// <summary><c>appFilter</c> as configured (group mapping: the group sources that may map to roles).</summary>
    public string? AppFilterText { get; init; }

    public AwsAppFilter AppFilter { get; init; } = AwsAppFilter.All;

    public AwsAppMode Mode => UseGroupMapping ? AwsAppMode.GroupMapping : AwsAppMode.SingleAccount;

    /// <summary><c>single-account</c> or <c>group-mapping</c>, as the docs and summaries call the modes.</summary>
    public string ModeName => UseGroupMapping ? "group-mapping" : "single-account";

    /// <summary>
    /// Parses <c>settings.app</c> and checks it is usable: single-account mode needs an
    /// <c>identityProviderArn</c> with an account; group-mapping mode needs a valid <c>groupFilter</c>.
    /// </summary>
    /// <exception cref="FormatException">With a message naming the app, the setting and the problem.</exception>
    public static AwsAppSettings Parse(JsonElement settingsApp, string appId)
    {
        if (settingsApp.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"The AWS app {appId} has no settings.app object.");
        }

        var arn = Text(settingsApp, "identityProviderArn", appId);
        var pattern = Text(settingsApp, "groupFilter", appId);
        var settings = new AwsAppSettings
        {
            IdentityProviderArn = arn,
            AccountId = AwsAccountId.TryFromArn(arn, out var account) ? account : null,
            JoinAllRoles = Flag(settingsApp, "joinAllRoles", appId),
            UseGroupMapping = Flag(settingsApp, "useGroupMapping", appId),
            GroupFilterPattern = pattern,
            RoleValuePattern = Text(settingsApp, "roleValuePattern", appId),
            AppFilterText = Text(settingsApp, "appFilter", appId),
        };
        settings = settings with { AppFilter = AwsAppFilter.Parse(settings.AppFilterText) };

        if (settings.Mode == AwsAppMode.SingleAccount)
        {
            if (arn is null)
            {
                throw new FormatException($"The AWS app {appId} has no identityProviderArn in settings.app; without group mapping it is needed to know the AWS account.");
            }

            if (settings.AccountId is null)
            {
                throw new FormatException($"The AWS app {appId} has identityProviderArn '{arn}', which is not an IAM ARN with a 12-digit account id.");
            }

            return settings;
        }

        if (pattern is null)
        {
            throw new FormatException($"The AWS app {appId} uses group mapping but has no groupFilter in settings.app.");
        }

        try
        {
            return settings with { GroupFilter = AwsGroupFilter.Parse(pattern) };
        }
        catch (FormatException ex)
        {
            throw new FormatException($"The AWS app {appId} has an unusable groupFilter: {ex.Message}", ex);
        }
    }

    private static string? Text(JsonElement settings, string name, string appId)
    {
        if (!settings.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new FormatException($"The AWS app {appId} has settings.app.{name} of type {value.ValueKind}; expected a string.");
        }

        var text = value.GetString();
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    private static bool Flag(JsonElement settings, string name, string appId)
    {
        if (!settings.TryGetProperty(name, out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => throw new FormatException($"The AWS app {appId} has settings.app.{name} = {value.GetRawText()}; expected true or false."),
        };
    }
}
