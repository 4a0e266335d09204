namespace BatonOktaAws.Core.Provisioning;

/// <summary>What became of one change; spelled in results as <c>granted</c>, <c>already-granted</c>, ... .</summary>
public enum ProvisioningOutcome
{
    Granted,
    AlreadyGranted,
    Revoked,
    AlreadyRevoked,

    /// <summary>Dry run: the writes that would be made were printed, none was made.</summary>
    Planned,
    Failed,

    /// <summary>A write was sent but the change did not finish (cancelled, timed out, connection lost, Okta failed): Okta may or may not hold it.</summary>
    OutcomeUnknown,

    /// <summary>The run was cancelled before this change's write was sent: nothing was changed for it.</summary>
    Cancelled,

    /// <summary>A review-sheet row marked <c>keep</c>: left alone.</summary>
    SkippedKeep,

    /// <summary>A review-sheet row with no decision: left alone (a blank never means revoke).</summary>
    SkippedNoDecision,
}

public static class ProvisioningOutcomeNames
{
    public static string Name(this ProvisioningOutcome outcome) => outcome switch
    {
        ProvisioningOutcome.Granted => "granted",
        ProvisioningOutcome.AlreadyGranted => "already-granted",
        ProvisioningOutcome.Revoked => "revoked",
        ProvisioningOutcome.AlreadyRevoked => "already-revoked",
        ProvisioningOutcome.Planned => "planned",
        ProvisioningOutcome.OutcomeUnknown => "outcome-unknown",
        ProvisioningOutcome.Cancelled => "cancelled",
        ProvisioningOutcome.SkippedKeep => "skipped-keep",
        ProvisioningOutcome.SkippedNoDecision => "skipped-no-decision",
        _ => "failed",
    };

    /// <summary>How a summary counts it: the result name, except <c>skipped (keep)</c> and <c>skipped (no decision)</c>.</summary>
    public static string SummaryName(this ProvisioningOutcome outcome) => outcome switch
    {
        ProvisioningOutcome.SkippedKeep => "skipped (keep)",
        ProvisioningOutcome.SkippedNoDecision => "skipped (no decision)",
        _ => outcome.Name(),
    };

    /// <summary>A review-sheet row left alone on purpose.</summary>
    public static bool IsSkipped(this ProvisioningOutcome outcome) =>
        outcome is ProvisioningOutcome.SkippedKeep or ProvisioningOutcome.SkippedNoDecision;

    /// <summary>Whether the change did not end as asked (the command exits non-zero).</summary>
    public static bool IsUnsuccessful(this ProvisioningOutcome outcome) =>
        outcome is ProvisioningOutcome.Failed or ProvisioningOutcome.OutcomeUnknown or ProvisioningOutcome.Cancelled;
}
