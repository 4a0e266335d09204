namespace BatonOktaAws.Core.Provisioning;

/// <summary>
/// One write to Okta for the audit trail: who ran it, what was changed, the state before and after, and the
/// result. Never holds the API token.
/// </summary>
public sealed record AuditEvent(
    DateTimeOffset Time,
    string Actor,
    string Action,
    string Entitlement,
    string Principal,
    string Method,
    string Path,
    string? Before,
    string? After,
    string Result,
    string? Error);

/// <summary>Where audit events go besides the log (the CLI's <c>--audit-log</c> file).</summary>
public interface IAuditTrail
{
    void Record(AuditEvent auditEvent);
}
