namespace BatonOktaAws.Core.Iam.Analysis;

/// <summary>Whether a principal can do anything in its account, or make itself able to, and why.</summary>
public sealed record AdminEquivalence
{
    /// <summary>Reasons in force. Only the strongest tier is listed: all actions, else all IAM actions, else escalation methods.</summary>
    public required IReadOnlyList<AdminReason> Reasons { get; init; }

    /// <summary>
    /// Grants that would have made it admin-equivalent but are taken away by a Deny or the permissions boundary —
    /// the strongest tier only (AdministratorAccess under a boundary is one entry, not one per escalation method).
    /// </summary>
    public IReadOnlyList<AdminReason> Defeated { get; init; } = [];

    /// <summary>Attached managed policies (or the boundary) whose documents the export lacks: the verdict may miss grants (or limits).</summary>
    public IReadOnlyList<string> UnevaluatedPolicyArns { get; init; } = [];

    /// <summary>A user's groups the export does not describe.</summary>
    public IReadOnlyList<string> MissingGroups { get; init; } = [];

    public string? PermissionsBoundaryArn { get; init; }

    /// <summary>The boundary's document was in the export and was applied.</summary>
    public bool BoundaryEvaluated { get; init; }

    public bool IsAdminEquivalent => Reasons.Count > 0;

    /// <summary>Every policy that applies was read; a "no" is then as good as the evaluation rules in docs/aws-iam.md.</summary>
    public bool IsComplete => UnevaluatedPolicyArns.Count == 0 && MissingGroups.Count == 0;
}
