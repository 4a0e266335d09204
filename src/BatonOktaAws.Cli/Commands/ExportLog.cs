using Microsoft.Extensions.Logging;

namespace BatonOktaAws.Cli.Commands;

/// <summary>Log events of the c1z export (<c>export</c>, and <c>sync --c1z</c>).</summary>
internal static partial class ExportLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "c1z written: {File:l} from {Source:l}, {Grants} grants")]
    public static partial void Written(ILogger logger, string file, string source, long grants);
}
