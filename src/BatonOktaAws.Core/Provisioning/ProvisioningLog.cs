using Microsoft.Extensions.Logging;

namespace BatonOktaAws.Core.Provisioning;

/// <summary>The provisioner's log events; every write is one <see cref="Write"/> event.</summary>
internal static partial class ProvisioningLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Write by {Actor:l}: {Action:l} {Entitlement:l} for {Principal:l}{InApp:l} with {Method:l} {Path:l}: {Result:l} (before: {Before:l}; after: {After:l}){Error:l}")]
    public static partial void Write(ILogger logger, string actor, string action, string entitlement, string principal, string inApp, string method, string path, string result, string? before, string? after, string error);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Line {Line}: {Warning:l}")]
    public static partial void Warning(ILogger logger, int line, string warning);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Planned {Count} change(s): {Writes} write(s) to make, {NoOps} already in place")]
    public static partial void Planned(ILogger logger, int count, int writes, int noOps);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Nothing was changed: {Failed} of {Count} change(s) failed validation")]
    public static partial void NothingApplied(ILogger logger, int failed, int count);
}
