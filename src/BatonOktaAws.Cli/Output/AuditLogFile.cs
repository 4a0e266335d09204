using System.Text;
using BatonOktaAws.Core.Provisioning;

namespace BatonOktaAws.Cli.Output;

/// <summary>
/// <c>--audit-log FILE</c>: appends each write's audit event as one JSON line (file created 0600), flushed to disk
/// before the next write is sent — including writes whose outcome is unknown (result <c>outcome-unknown</c>).
/// </summary>
internal sealed class AuditLogFile : IAuditTrail, IDisposable
{
    private readonly FileStream _stream;
    private readonly Lock _lock = new();

    public AuditLogFile(string path)
    {
        // JSON lines appended to a sync file or a c1z would corrupt it (a typo of --file for --audit-log).
        DataFileGuard.Refuse("--audit-log", path, "appending to it would corrupt it");

        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            _stream = new FileStream(path, options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--audit-log: cannot open {path} for appending ({ex.Message}).", ex);
        }
    }

    public void Record(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var line = JsonText.Of(json =>
        {
            json.WriteStartObject();
            json.WriteString("time", auditEvent.Time);
            json.WriteString("actor", auditEvent.Actor);
            json.WriteString("action", auditEvent.Action);
            json.WriteString("entitlement", auditEvent.Entitlement);
            json.WriteString("principal", auditEvent.Principal);
            json.WriteString("appId", auditEvent.App?.Id);
            json.WriteString("appLabel", auditEvent.App?.Label);
            json.WriteString("method", auditEvent.Method);
            json.WriteString("path", auditEvent.Path);
            json.WriteString("body", auditEvent.Body);
            json.WriteString("before", auditEvent.Before);
            json.WriteString("after", auditEvent.After);
            json.WriteString("result", auditEvent.Result);
            json.WriteString("error", auditEvent.Error);
            ProvisioningOutput.WriteRolesMadeDirect(json, auditEvent.RolesMadeDirect);
            json.WriteEndObject();
        });
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        lock (_lock)
        {
            _stream.Write(bytes);
            _stream.Flush(flushToDisk: true);
        }
    }

    public void Dispose() => _stream.Dispose();
}
