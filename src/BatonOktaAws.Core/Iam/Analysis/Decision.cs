namespace BatonOktaAws.Core.Iam.Analysis;

/// <summary>The outcome of one action on one resource, with the statements that decided it.</summary>
internal sealed record Decision(DecisionOutcome Outcome, IReadOnlyList<StatementReference> AllowedBy)
{
    public StatementReference? DeniedBy { get; init; }
    public PolicySource? Boundary { get; init; }

    /// <summary>Every allowing statement (or every allowing boundary statement) carries a condition we do not evaluate.</summary>
    public bool Conditional { get; init; }

    public bool IsAllowed => Outcome == DecisionOutcome.Allowed;

    /// <summary>Why an identity grant does not take effect, for findings that were defeated.</summary>
    public string? Defeat => Outcome switch
    {
        DecisionOutcome.ExplicitlyDenied => $"explicitly denied by {DeniedBy}",
        DecisionOutcome.OutsideBoundary => $"not allowed by the {Boundary}",
        _ => null,
    };
}
