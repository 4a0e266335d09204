namespace BatonOktaAws.Core.Iam;

/// <summary>One entry of <c>GroupDetailList</c>.</summary>
public sealed record IamGroup
{
    public required string Arn { get; init; }
    public required string Name { get; init; }
    public required string Path { get; init; }
    public string? GroupId { get; init; }
    public DateTimeOffset? CreateDate { get; init; }
    public IReadOnlyList<AttachedPolicy> AttachedPolicies { get; init; } = [];
    public IReadOnlyList<InlinePolicy> InlinePolicies { get; init; } = [];

    internal string? DifferenceFrom(IamGroup other)
    {
        return GroupId != other.GroupId ? "GroupId"
            : Path != other.Path ? "Path"
            : Name != other.Name ? "GroupName"
            : CreateDate != other.CreateDate ? "CreateDate"
            : !Entities.SameAttachments(AttachedPolicies, other.AttachedPolicies) ? "AttachedManagedPolicies"
            : !Entities.SameInline(InlinePolicies, other.InlinePolicies) ? "GroupPolicyList"
            : null;
    }
}
