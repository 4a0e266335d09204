using BatonOktaAws.Core.Iam.Policies;

namespace BatonOktaAws.Core.Iam;

/// <summary>One entry of <c>RoleDetailList</c>.</summary>
public sealed record IamRole
{
    public required string Arn { get; init; }
    public required string Name { get; init; }

    /// <summary><c>/</c> for most roles; <c>/team/</c> puts the path into the ARN: <c>role/team/Name</c>.</summary>
    public required string Path { get; init; }

    public string? RoleId { get; init; }
    public DateTimeOffset? CreateDate { get; init; }

    /// <summary>The trust policy (<c>AssumeRolePolicyDocument</c>): who may assume the role.</summary>
    public required PolicyDocument TrustPolicy { get; init; }

    public IReadOnlyList<AttachedPolicy> AttachedPolicies { get; init; } = [];
    public IReadOnlyList<InlinePolicy> InlinePolicies { get; init; } = [];

    /// <summary>The managed policy set as the role's permissions boundary, if any.</summary>
    public string? PermissionsBoundaryArn { get; init; }

    public RoleLastUsed? LastUsed { get; init; }

    /// <summary>The first property two exports of this role disagree on, or null when they agree.</summary>
    internal string? DifferenceFrom(IamRole other)
    {
        return RoleId != other.RoleId ? "RoleId"
            : Path != other.Path ? "Path"
            : Name != other.Name ? "RoleName"
            : CreateDate != other.CreateDate ? "CreateDate"
            : TrustPolicy.CanonicalJson != other.TrustPolicy.CanonicalJson ? "AssumeRolePolicyDocument"
            : !Entities.SameAttachments(AttachedPolicies, other.AttachedPolicies) ? "AttachedManagedPolicies"
            : !Entities.SameInline(InlinePolicies, other.InlinePolicies) ? "RolePolicyList"
            : PermissionsBoundaryArn != other.PermissionsBoundaryArn ? "PermissionsBoundary"
            : LastUsed?.LastUsedDate != other.LastUsed?.LastUsedDate ? "RoleLastUsed"
            : null;
    }
}
