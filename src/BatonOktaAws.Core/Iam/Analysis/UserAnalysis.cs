using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Iam.CredentialReports;

namespace BatonOktaAws.Core.Iam.Analysis;

/// <summary>
/// An IAM user (or the root user) of an account: the credentials that reach AWS without Okta (from the
/// credential report) and, when the authorization details describe the user, what it can do.
/// </summary>
public sealed record UserAnalysis
{
    public required AwsAccountId AccountId { get; init; }
    public required string Name { get; init; }
    public required string Arn { get; init; }
    public bool IsRoot { get; init; }

    /// <summary>The credential report row; null when the account's export has no credential report (or it lacks the user).</summary>
    public CredentialReportUser? Credentials { get; init; }

    /// <summary>What the user can do; null for the root user (who can do everything) and for users the authorization details do not describe.</summary>
    public AdminEquivalence? Admin { get; init; }

    public IReadOnlyList<string> GroupNames { get; init; } = [];

    /// <summary>A console password or an active access key; null when there is no credential report row to tell.</summary>
    public bool? BypassesOkta => Credentials?.BypassesOkta;
}
