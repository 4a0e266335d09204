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
        _ => "failed",
    };
}
