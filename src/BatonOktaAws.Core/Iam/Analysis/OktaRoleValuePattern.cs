using BatonOktaAws.Core.Aws;

namespace BatonOktaAws.Core.Iam.Analysis;

/// <summary>
/// The Okta AWS app's Role Value Pattern (<c>settings.app.roleValuePattern</c>): the SAML provider ARN and the role
/// ARN, comma-separated, with <c>${accountid}</c> and <c>${role}</c> filled in from the role Okta assigns. It is
/// what AWS receives, so the role's real ARN must equal it.
/// </summary>
public static class OktaRoleValuePattern
{
    /// <summary>Okta's default: <c>arn:aws:iam::${accountid}:saml-provider/OKTA,arn:aws:iam::${accountid}:role/${role}</c>.</summary>
    public const string Default = "arn:aws:iam::${accountid}:saml-provider/OKTA,arn:aws:iam::${accountid}:role/${role}";

    /// <summary>The role ARN Okta sends for a role name; <paramref name="pattern"/> null or blank means <see cref="Default"/>.</summary>
    public static string RoleArn(string? pattern, AwsAccountId account, string roleName)
    {
        ArgumentNullException.ThrowIfNull(roleName);
        var part = Parts(pattern).FirstOrDefault(p => p.Contains(":role/", StringComparison.Ordinal))
            ?? Parts(Default).First(p => p.Contains(":role/", StringComparison.Ordinal));
        return Fill(part, account, roleName);
    }

    /// <summary>The SAML provider ARN in the pattern, filled in for the account; null when the pattern has none.</summary>
    public static string? ProviderArn(string? pattern, AwsAccountId account)
    {
        var part = Parts(pattern).FirstOrDefault(p => p.Contains(":saml-provider/", StringComparison.Ordinal));
        return part is null ? null : Fill(part, account, roleName: string.Empty);
    }

    private static string[] Parts(string? pattern) =>
        (string.IsNullOrWhiteSpace(pattern) ? Default : pattern).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string Fill(string part, AwsAccountId account, string roleName) =>
        part.Replace("${accountid}", account.Value, StringComparison.OrdinalIgnoreCase)
            .Replace("${role}", roleName, StringComparison.OrdinalIgnoreCase);
}
