using BatonOktaAws.Core.Aws;

namespace BatonOktaAws.Core.Iam.Loading;

/// <summary>One JSON document of get-account-authorization-details output: a whole export, or one page of it.</summary>
internal sealed record AuthorizationDetailsPage
{
    /// <summary>The account the page's ARNs belong to; null for a page with no account ARNs (only AWS managed policies, or empty).</summary>
    public AwsAccountId? AccountId { get; init; }

    public string? Partition { get; init; }
    public required IReadOnlyList<IamRole> Roles { get; init; }
    public required IReadOnlyList<IamUser> Users { get; init; }
    public required IReadOnlyList<IamGroup> Groups { get; init; }
    public required IReadOnlyList<IamManagedPolicy> Policies { get; init; }

    /// <summary><c>IsTruncated</c> true, or a CLI <c>NextToken</c>: more pages follow this one.</summary>
    public bool Truncated { get; init; }
}
