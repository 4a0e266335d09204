using Microsoft.Extensions.Logging;

namespace BatonOktaAws.Cli;

/// <summary>Log events of the admin-role review (<c>admins</c>, <c>access --include-admins</c>).</summary>
internal static partial class AdminLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Who can change AWS access is unknown for this sync: {Reason:l}")]
    public static partial void NotReviewed(ILogger logger, string reason);
}
