using BatonOktaAws.Core.Iam.Policies;

namespace BatonOktaAws.Core.Iam.Analysis;

/// <summary>
/// Reads a trust policy for one SAML provider. A statement counts when its action covers
/// <c>sts:AssumeRoleWithSAML</c> (wildcards and NotAction honoured) and its principal is the provider ARN as a
/// <c>Federated</c> principal, or everyone (<c>"*"</c>); <c>NotPrincipal</c> means everyone but those listed.
/// An unconditional Deny wins over any Allow. Conditions are listed, not evaluated.
/// </summary>
public static class SamlTrustEvaluator
{
    public const string AssumeRoleWithSaml = "sts:AssumeRoleWithSAML";

    public static SamlTrust Evaluate(PolicyDocument trustPolicy, string providerArn)
    {
        ArgumentNullException.ThrowIfNull(trustPolicy);
        ArgumentNullException.ThrowIfNull(providerArn);
        var applicable = trustPolicy.Statements
            .Where(s => s.MatchesAction(AssumeRoleWithSaml) && s.AppliesToFederated(providerArn))
            .ToList();
        var allows = applicable.Where(s => s.Effect == PolicyEffect.Allow).ToList();
        var denies = applicable.Where(s => s.Effect == PolicyEffect.Deny).ToList();
        var hardDeny = denies.FirstOrDefault(s => !s.HasConditions);

        var status = allows.Count == 0 ? SamlTrustStatus.NotTrusted : hardDeny is not null ? SamlTrustStatus.Denied : SamlTrustStatus.Trusted;
        return new SamlTrust
        {
            ProviderArn = providerArn,
            Status = status,
            AllowedBy = [.. allows.Select(s => s.Label)],
            Conditions = [.. allows.SelectMany(s => s.Conditions)],
            DeniedBy = hardDeny?.Label,
            ConditionalDenies = [.. denies.Where(s => s.HasConditions).Select(s => $"{s.Label}: {string.Join("; ", s.Conditions)}")],
            ThroughWildcardPrincipal = allows.Count > 0 && allows.All(s => s.Principal!.IsEveryone || s.PrincipalNegated
                || !s.Principal.Federated.Contains(providerArn, StringComparer.OrdinalIgnoreCase)),
        };
    }

    /// <summary>SAML provider ARNs that Allow statements of the trust policy name as Federated principals.</summary>
    public static IReadOnlyList<string> ReferencedProviders(PolicyDocument trustPolicy)
    {
        ArgumentNullException.ThrowIfNull(trustPolicy);
        return [.. trustPolicy.Statements
            .Where(s => s.Effect == PolicyEffect.Allow && !s.PrincipalNegated && s.Principal is not null)
            .SelectMany(s => s.Principal!.Federated)
            .Where(IamArn.IsSamlProvider)
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
