using BatonOktaAws.Core.Okta.Errors;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace BatonOktaAws.Core.Okta.Resilience;

/// <summary>
/// The two Polly pipelines of a request, composed outside in as Polly's guidance has it: retries (bounded,
/// exponential backoff with jitter) around each attempt, and a timeout around the HTTP exchange alone. Between
/// them, each attempt first waits at the rate-limit gate and for a concurrency slot, which no timeout bounds.
/// Retried: 429 (the gate holds the retry until Okta's reset), 5xx, timeouts, connection resets and bodies cut
/// short. Never other 4xx, nor failures that will not go away (see <see cref="ConnectionFailure"/>).
/// </summary>
internal static class OktaRetryPipeline
{
    public static readonly ResiliencePropertyKey<AttemptState> AttemptKey = new("okta.attempt");
    public static readonly ResiliencePropertyKey<string> RequestKey = new("okta.request");

    public static ResiliencePipeline CreateRetry(OktaClientOptions options, TimeProvider time, ILogger logger) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = args => new ValueTask<bool>(options.MaxRetries > 0 && IsTransient(args.Outcome.Exception)),

                // After a 429 the gate already holds every request of the bucket until Okta's reset.
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Exception is OktaRateLimitedException ? TimeSpan.Zero : null),
                OnRetry = args =>
                {
                    var state = args.Context.Properties.GetValue(AttemptKey, new AttemptState());
                    var request = args.Context.Properties.GetValue(RequestKey, "a request");
                    if (args.Outcome.Exception is OktaRateLimitedException limited)
                    {
                        state.RetryFor ??= limited.RequestId;
                        state.RateLimitRetries++;

                        // The wait itself was logged once for the bucket; one line per waiting request would repeat it.
                        OktaLog.RetryingAfterRateLimit(logger, request, args.AttemptNumber + 1, options.MaxRetries);
                    }
                    else
                    {
                        OktaLog.Retrying(logger, Reason(args.Outcome.Exception), request, args.RetryDelay.TotalSeconds, args.AttemptNumber + 1, options.MaxRetries);
                    }

                    return default;
                },
            })
            .Build();

    /// <summary>Bounds one HTTP exchange, from sending the request to the end of the body.</summary>
    public static ResiliencePipeline CreateAttemptTimeout(OktaClientOptions options, TimeProvider time) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(options.RequestTimeout)
            .Build();

    public static bool IsTransient(Exception? exception) => exception is
        OktaTransientException or HttpRequestException or TimeoutRejectedException or IOException;

    private static string Reason(Exception? exception) => exception switch
    {
        null => "Okta did not answer",
        TimeoutRejectedException => "Okta did not answer within the request timeout",
        HttpRequestException or IOException => Capitalized(ConnectionFailure.Describe(exception)),
        _ => exception.Message,
    };

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
