namespace BatonOktaAws.Core.Provisioning;

/// <summary>The result of one change: its outcome, the writes made (or planned), the state before and after, and why it failed.</summary>
public sealed record ProvisioningResult(
    ProvisioningChange? Change,
    int Line,
    ProvisioningOutcome Outcome,
    IReadOnlyList<OktaWrite> Writes,
    string? Before,
    string? After,
    string? Error,
    IReadOnlyList<string> Warnings)
{
    public static ProvisioningResult Failed(ProvisioningChange? change, int line, string error) =>
        new(change, line, ProvisioningOutcome.Failed, [], null, null, error, []);
}
