namespace BatonOktaAws.Core.Iam.Policies;

/// <summary>One statement of a policy document, with its position so findings can point at it.</summary>
public sealed record PolicyStatement
{
    /// <summary>Zero-based position in the document's <c>Statement</c> list.</summary>
    public required int Index { get; init; }

    public string? Sid { get; init; }
    public required PolicyEffect Effect { get; init; }
    public required PatternList Actions { get; init; }
    public PatternList Resources { get; init; } = PatternList.Absent;

    /// <summary>The <c>Principal</c> or <c>NotPrincipal</c> element (see <see cref="PrincipalNegated"/>); null when the statement has neither.</summary>
    public PolicyPrincipal? Principal { get; init; }

    public bool PrincipalNegated { get; init; }
    public IReadOnlyList<PolicyCondition> Conditions { get; init; } = [];

    public bool HasConditions => Conditions.Count > 0;

    public bool MatchesAction(string action) => Actions.Matches(action, StringComparison.OrdinalIgnoreCase);

    public bool MatchesResource(string arn) => Resources.Matches(arn, StringComparison.Ordinal);

    /// <summary>Whether the statement applies to the federated principal, reading <c>NotPrincipal</c> as "everyone except".</summary>
    public bool AppliesToFederated(string federatedPrincipal) =>
        Principal is not null && Principal.Covers(federatedPrincipal) != PrincipalNegated;

    /// <summary>"statement 2" or "statement 2 (Sid AllowSaml)".</summary>
    public string Label => string.IsNullOrEmpty(Sid) ? $"statement {Index}" : $"statement {Index} (Sid {Sid})";
}
