using Microsoft.Extensions.Logging;

namespace BatonOktaAws.Core.Okta;

/// <summary>The Okta client's log events (source-generated, so disabled levels cost nothing), each a sentence.</summary>
internal static partial class OktaLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Okta answered {Status} to {Request:l} in {ElapsedMs} ms.")]
    public static partial void Answered(ILogger logger, int status, string request, long elapsedMs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "{Reason:l}; retrying {Request:l} in {DelaySeconds:0.0} s (retry {Retry} of {MaxRetries}).")]
    public static partial void Retrying(ILogger logger, string reason, string request, double delaySeconds, int retry, int maxRetries);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Requests to {Bucket:l} wait {DelaySeconds:0} s, until {Until:HH:mm:ss} UTC: {Reason:l}.")]
    public static partial void WaitingForRateLimit(ILogger logger, string bucket, double delaySeconds, DateTime until, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Okta answered 429 to {Request:l}; it will be retried when the wait of its bucket ends (retry {Retry} of {MaxRetries}).")]
    public static partial void RetryingAfterRateLimit(ILogger logger, string request, int retry, int maxRetries);
}
