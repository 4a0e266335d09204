namespace BatonOktaAws.Core.Provisioning;

/// <summary>The result of one change: its outcome, the writes made (or planned), the state before and after, and why it failed.</summary>
/// <param name="Change">The change, or null for a change-file line that could not be read as one.</param>
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
    /// <summary>What the line asked for (also for a line that could not be read as a change).</summary>
    public ChangeAction Action { get; init; } = Change?.Action ?? ChangeAction.Grant;

    /// <summary>The AWS app the change was made in or planned for; null for a group membership, or when no app was settled on.</summary>
    public AppRef? App { get; init; }

    /// <summary>Every line of the change file this result covers (several review-sheet rows can carry one grant).</summary>
    public IReadOnlyList<int> Lines => Change?.Lines ?? [Line];

    /// <summary>
    /// Roles the user held through a group that the change copies into their direct assignment (a conversion with
    /// <c>joinAllRoles</c> off): from now on a change to the group's roles no longer reaches the user for these.
    /// </summary>
    public IReadOnlyList<RoleMadeDirect> RolesMadeDirect { get; init; } = [];

    public static ProvisioningResult Failed(ProvisioningChange? change, int line, string error) =>
        new(change, line, ProvisioningOutcome.Failed, [], null, null, error, []);
}
