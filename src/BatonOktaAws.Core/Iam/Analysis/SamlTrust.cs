using BatonOktaAws.Core.Iam.Policies;

namespace BatonOktaAws.Core.Iam.Analysis;

/// <summary>Whether a role's trust policy lets users of a SAML provider assume it, read as docs/aws-iam.md describes.</summary>
public sealed record SamlTrust
{
    public required string ProviderArn { get; init; }
    public required SamlTrustStatus Status { get; init; }

    /// <summary>The trust policy statements that allow it ("statement 0 (Sid OktaSaml)").</summary>
    public IReadOnlyList<string> AllowedBy { get; init; } = [];

    /// <summary>Conditions on the allowing statements (typically <c>StringEquals SAML:aud</c>), reported, not evaluated.</summary>
    public IReadOnlyList<PolicyCondition> Conditions { get; init; } = [];

    /// <summary>The unconditional Deny that takes the trust away.</summary>
    public string? DeniedBy { get; init; }

    /// <summary>Denies with conditions, which refuse some sign-ins and not others; reported, not evaluated.</summary>
    public IReadOnlyList<string> ConditionalDenies { get; init; } = [];

    /// <summary>The Allow names everyone (<c>"Principal": "*"</c>), not this provider in particular.</summary>
    public bool ThroughWildcardPrincipal { get; init; }

    public bool IsTrusted => Status == SamlTrustStatus.Trusted;
}
