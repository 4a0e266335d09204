namespace BatonOktaAws.Core.Iam.Analysis;

/// <summary>Why a principal is (or, when <see cref="DefeatedBy"/> is set, would have been) admin-equivalent.</summary>
public sealed record AdminReason
{
    public required AdminReasonKind Kind { get; init; }

    /// <summary>One sentence, e.g. "iam:PutRolePolicy: can write any inline policy into a role".</summary>
    public required string Description { get; init; }

    /// <summary>The actions that make it: <c>*</c>, <c>iam:*</c>, or the escalation method's actions.</summary>
    public required IReadOnlyList<string> Actions { get; init; }

    /// <summary>The statements that allow those actions.</summary>
    public required IReadOnlyList<StatementReference> GrantedBy { get; init; }

    /// <summary>Every grant behind it has conditions we do not evaluate: it may apply only sometimes.</summary>
    public bool Conditional { get; init; }

    /// <summary>Set on defeated reasons: the Deny or the permissions boundary that takes the grant away.</summary>
    public string? DefeatedBy { get; init; }

    public override string ToString() =>
        $"{Description} (granted by {string.Join("; ", GrantedBy)}{(Conditional ? "; conditional" : string.Empty)})"
        + (DefeatedBy is null ? string.Empty : $", but {DefeatedBy}");
}
