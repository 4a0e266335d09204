using BatonOktaAws.Core.Aws;

namespace BatonOktaAws.Core.Iam.Analysis;

/// <summary>The answer to "does the role Okta hands out exist in the account, and what can it do?"</summary>
public sealed record RoleLookup
{
    public required AwsAccountId AccountId { get; init; }

    /// <summary>The role name as Okta has it (samlRoles, or the group-mapping capture).</summary>
    public required string RoleName { get; init; }

    /// <summary>The role ARN Okta puts in the SAML assertion, from the role value pattern.</summary>
    public required string ExpectedArn { get; init; }

    public required RoleLookupStatus Status { get; init; }

    /// <summary>The role found by name; null when not found.</summary>
    public RoleAnalysis? Analysis { get; init; }

    /// <summary>Why the ARN differs, or why the answer is unknown; one sentence each.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
