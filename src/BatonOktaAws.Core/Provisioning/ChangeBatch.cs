namespace BatonOktaAws.Core.Provisioning;

/// <summary>
/// What a change file (or the command line) asks for: the changes to make, the lines that could not be read as
/// changes, and the review-sheet rows that are left alone on purpose (marked <c>keep</c> or without a decision).
/// </summary>
public sealed record ChangeBatch(IReadOnlyList<ProvisioningChange> Changes, IReadOnlyList<ChangeLineError> Errors, IReadOnlyList<SkippedLine> Skipped)
{
    public static ChangeBatch Of(params ProvisioningChange[] changes) => new(changes, [], []);

    /// <summary>Whether the file was a review sheet (its rows are applied only when marked <c>revoke</c>).</summary>
    public bool IsReviewSheet { get; init; }
}

/// <summary>A review-sheet row that is not applied: marked <c>keep</c>, or left without a decision.</summary>
/// <param name="Change">The revoke the row's grant would be, when it can be read (to show what was left alone).</param>
public sealed record SkippedLine(int Line, ReviewDecision Decision, ProvisioningChange? Change);
