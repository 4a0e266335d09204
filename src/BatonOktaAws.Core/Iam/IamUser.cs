namespace BatonOktaAws.Core.Iam;

/// <summary>One entry of <c>UserDetailList</c>.</summary>
public sealed record IamUser
{
    public required string Arn { get; init; }
    public required string Name { get; init; }
    public required string Path { get; init; }
    public string? UserId { get; init; }
    public DateTimeOffset? CreateDate { get; init; }

    /// <summary>Names of the groups the user is in (<c>GroupList</c>).</summary>
    public IReadOnlyList<string> GroupNames { get; init; } = [];

    public IReadOnlyList<AttachedPolicy> AttachedPolicies { get; init; } = [];
    public IReadOnlyList<InlinePolicy> InlinePolicies { get; init; } = [];
    public string? PermissionsBoundaryArn { get; init; }

    internal string? DifferenceFrom(IamUser other)
    {
        return UserId != other.UserId ? "UserId"
            : Path != other.Path ? "Path"
            : Name != other.Name ? "UserName"
            : CreateDate != other.CreateDate ? "CreateDate"
            : !GroupNames.Order(StringComparer.Ordinal).SequenceEqual(other.GroupNames.Order(StringComparer.Ordinal), StringComparer.Ordinal) ? "GroupList"
            : !Entities.SameAttachments(AttachedPolicies, other.AttachedPolicies) ? "AttachedManagedPolicies"
            : !Entities.SameInline(InlinePolicies, other.InlinePolicies) ? "UserPolicyList"
            : PermissionsBoundaryArn != other.PermissionsBoundaryArn ? "PermissionsBoundary"
            : null;
    }
}
