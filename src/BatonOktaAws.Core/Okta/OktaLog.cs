using Microsoft.Extensions.Logging;

namespace BatonOktaAws.Core.Okta;

/// <summary>The Okta client's log events (source-generated, so disabled levels cost nothing).</summary>
internal static partial class OktaLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "{Request} answered {Status} in {ElapsedMs} ms")]
    public static partial void Answered(ILogger logger, string request, int status, long elapsedMs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Retrying {Request} in {DelaySeconds:0.0} s (retry {Retry} of {MaxRetries}) after: {Reason}")]
    public static partial void Retrying(ILogger logger, string request, double delaySeconds, int retry, int maxRetries, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Rate limit for {Bucket} spent down to this token's share; waiting {DelaySeconds:0.0} s for the window to reset")]
    public static partial void WaitingForRateLimit(ILogger logger, string bucket, double delaySeconds);
}
