using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Iam.Policies;

namespace BatonOktaAws.Core.Iam.Analysis;

/// <summary>What one role is and can do, as the export shows it: the record the sync can store per role.</summary>
public sealed record RoleAnalysis
{
    public required AwsAccountId AccountId { get; init; }
    public required string Arn { get; init; }
    public required string Name { get; init; }
    public required string Path { get; init; }
    public string? RoleId { get; init; }
    public DateTimeOffset? CreateDate { get; init; }
    public RoleLastUsed? LastUsed { get; init; }
    public required IReadOnlyList<AttachedPolicy> AttachedPolicies { get; init; }
    public required IReadOnlyList<string> InlinePolicyNames { get; init; }
    public string? PermissionsBoundaryArn { get; init; }
    public required AdminEquivalence Admin { get; init; }

    /// <summary>The trust policy's verdict for every SAML provider it names.</summary>
    public required IReadOnlyList<SamlTrust> SamlProviders { get; init; }

    public required PolicyDocument TrustPolicy { get; init; }

    /// <summary>Whether users of this SAML provider (e.g. the Okta app's identityProviderArn) may assume the role.</summary>
    public SamlTrust TrustsSamlProvider(string providerArn) => SamlTrustEvaluator.Evaluate(TrustPolicy, providerArn);
}
