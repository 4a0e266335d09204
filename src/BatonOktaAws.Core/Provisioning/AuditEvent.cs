namespace BatonOktaAws.Core.Provisioning;

/// <summary>
/// One write to Okta for the audit trail: who ran it, what was changed, the state before and after, and the
/// result — <c>outcome-unknown</c> when the write was sent but its answer never came (cancelled, timed out).
/// Never holds the API token.
/// </summary>
/// <param name="Body">The write's JSON body, or null for none.</param>
public sealed record AuditEvent(
    DateTimeOffset Time,
    string Actor,
    string Action,
    string Entitlement,
    string Principal,
    string Method,
    string Path,
    string? Body,
    string? Before,
    string? After,
    string Result,
    string? Error)
{
    /// <summary>The AWS app the write changed; null for a group membership.</summary>
    public AppRef? App { get; init; }

    /// <summary>Roles this write copied from groups into a direct assignment.</summary>
    public IReadOnlyList<RoleMadeDirect> RolesMadeDirect { get; init; } = [];
}

/// <summary>Where audit events go besides the log (the CLI's <c>--audit-log</c> file).</summary>
public interface IAuditTrail
{
    void Record(AuditEvent auditEvent);
}
