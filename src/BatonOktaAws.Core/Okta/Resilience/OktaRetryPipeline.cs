using BatonOktaAws.Core.Okta.Errors;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace BatonOktaAws.Core.Okta.Resilience;

/// <summary>
/// Retries (bounded, exponential backoff with jitter) around a per-attempt timeout. Retried: 429 (after the
/// reset its headers announce), 5xx, timeouts, connection resets and bodies cut short. Never other 4xx.
/// </summary>
internal static class OktaRetryPipeline
{
    public static readonly ResiliencePropertyKey<AttemptState> AttemptKey = new("okta.attempt");
    public static readonly ResiliencePropertyKey<string> RequestKey = new("okta.request");

    public static ResiliencePipeline Create(OktaClientOptions options, TimeProvider time, ILogger logger) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = args => new ValueTask<bool>(options.MaxRetries > 0 && IsTransient(args.Outcome.Exception)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Outcome.Exception is OktaRateLimitedException limited ? limited.RetryAfter : null),
                OnRetry = args =>
                {
                    var state = args.Context.Properties.GetValue(AttemptKey, new AttemptState());
                    var request = args.Context.Properties.GetValue(RequestKey, "a request");
                    if (args.Outcome.Exception is OktaRateLimitedException limited)
                    {
                        state.RetryFor ??= limited.RequestId;
                        state.RateLimitRetries++;
                    }

                    OktaLog.Retrying(logger, request, args.RetryDelay.TotalSeconds, args.AttemptNumber + 1, options.MaxRetries, Reason(args.Outcome.Exception));
                    return default;
                },
            })
            .AddTimeout(options.RequestTimeout)
            .Build();

    public static bool IsTransient(Exception? exception) => exception is
        OktaTransientException or HttpRequestException or TimeoutRejectedException or IOException;

    private static string Reason(Exception? exception) => exception switch
    {
        null => "no response",
        TimeoutRejectedException => "no answer within the request timeout",
        _ => exception.Message,
    };
}
