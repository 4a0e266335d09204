namespace BatonOktaAws.Core.Provisioning;

/// <summary>What happened when a planned write was carried out.</summary>
internal sealed record AppliedChange(ProvisioningOutcome Outcome, string? Before, string? After, IReadOnlyList<OktaWrite> Writes)
{
    public IReadOnlyList<RoleMadeDirect> RolesMadeDirect { get; init; } = [];
}

/// <summary>
/// A change after the read phase: nothing to do (<see cref="NoOp"/>), or a write to preview and, unless this
/// is a dry run, to apply. <see cref="ApplyAsync"/> re-reads before writing, records each write it sends in the
/// <see cref="SentWrites"/> it is given, and verifies after.
/// </summary>
internal sealed record PlannedChange(
    ProvisioningChange Change,
    ProvisioningOutcome? NoOp,
    OktaWrite? Write,
    string? Before,
    IReadOnlyList<string> Warnings,
    Func<SentWrites, CancellationToken, Task<AppliedChange>>? ApplyAsync)
{
    /// <summary>The AWS app the change is for; null for a group membership.</summary>
    public AppRef? App { get; init; }

    /// <summary>Roles the planned write copies from groups into a direct assignment (see <see cref="RoleMadeDirect"/>).</summary>
    public IReadOnlyList<RoleMadeDirect> RolesMadeDirect { get; init; } = [];

    public static PlannedChange Nothing(ProvisioningChange change, ProvisioningOutcome outcome, string? state, IReadOnlyList<string>? warnings = null, AppRef? app = null) =>
        new(change, outcome, null, state, warnings ?? [], null) { App = app };
}
