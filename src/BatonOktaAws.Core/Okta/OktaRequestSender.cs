using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BatonOktaAws.Core.Okta.Errors;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Core.Okta.Paging;
using BatonOktaAws.Core.Okta.RateLimiting;
using BatonOktaAws.Core.Okta.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace BatonOktaAws.Core.Okta;

/// <summary>
/// Sends one logical request: SSWS authentication, the rate-limit gate, the concurrency cap, retries and the
/// per-attempt timeout, then turns the answer into a value or a precise exception.
/// </summary>
internal sealed class OktaRequestSender : IDisposable
{
    private static readonly string UserAgent = BuildUserAgent();

    private readonly HttpClient _http;
    private readonly OktaDomain _domain;
    private readonly OktaApiToken _token;
    private readonly RateLimitGate _gate;
    private readonly SemaphoreSlim _concurrency;
    private readonly ResiliencePipeline _pipeline;
    private readonly OktaClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _requests;

    public OktaRequestSender(OktaDomain domain, OktaApiToken token, OktaClientOptions options, HttpMessageHandler handler, TimeProvider time, ILogger logger, Action<RateLimitWait>? onWait = null)
    {
        _domain = domain;
        _token = token;
        _options = options;
        _time = time;
        _logger = logger;
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _concurrency = new SemaphoreSlim(options.MaxConcurrentRequests, options.MaxConcurrentRequests);
        _gate = new RateLimitGate(time, options.TokenRateLimitShare, options.RateLimitJitter, (bucket, delay) =>
        {
            OktaLog.WaitingForRateLimit(logger, bucket, delay.TotalSeconds);
            onWait?.Invoke(new RateLimitWait(bucket, time.GetUtcNow() + delay, "this token's share of the window is spent"));
        });
        _pipeline = OktaRetryPipeline.Create(options, time, logger);
    }

    /// <summary>Requests that reached Okta and got an answer (retries count separately).</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    public async Task<OktaResponse<T>> SendAsync<T>(OktaRequest request, JsonTypeInfo<T>? responseType, CancellationToken cancellationToken)
    {
        if (!_domain.IsSameOrigin(request.Uri))
        {
            // The token only ever goes to the configured org.
            throw new OktaInvalidResponseException($"Refusing to send the API token to {request.Uri.GetLeftPart(UriPartial.Authority)} ({request.Description}); only {_domain} is trusted.");
        }

        var state = new AttemptState();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(OktaRetryPipeline.AttemptKey, state);
        context.Properties.Set(OktaRetryPipeline.RequestKey, request.Description);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (ctx, s) => s.Sender.AttemptAsync(s.Request, s.ResponseType, s.State, ctx.CancellationToken),
                context,
                (Sender: this, Request: request, ResponseType: responseType, State: state)).ConfigureAwait(false);
        }
        catch (Exception ex) when (OktaRetryPipeline.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw GaveUp(request, ex, state.Attempts);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<OktaResponse<T>> AttemptAsync<T>(OktaRequest request, JsonTypeInfo<T>? responseType, AttemptState state, CancellationToken cancellationToken)
    {
        state.Attempts++;
        var ticket = await _gate.AcquireAsync(RateLimitBucket.For(request.Uri), cancellationToken).ConfigureAwait(false);
        var answered = false;
        try
        {
            HttpStatusCode status;
            HttpResponseHeaders headers;
            byte[] body;
            var watch = Stopwatch.StartNew();
            await _concurrency.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var message = BuildMessage(request, state);
                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                status = response.StatusCode;
                headers = response.Headers;
                var rateHeaders = RateLimitHeaders.From(response.Headers);
                _gate.Complete(ticket, rateHeaders);
                answered = true;
                body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _concurrency.Release();
            }

            Interlocked.Increment(ref _requests);
            OktaLog.Answered(_logger, request.Description, (int)status, watch.ElapsedMilliseconds);
            return Interpret(request, responseType, status, headers, body);
        }
        finally
        {
            if (!answered)
            {
                _gate.Abandon(ticket);
            }
        }
    }

    private HttpRequestMessage BuildMessage(OktaRequest request, AttemptState state)
    {
        var message = new HttpRequestMessage(request.Method, request.Uri);
        message.Headers.TryAddWithoutValidation("Authorization", _token.AuthorizationHeaderValue);
        message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (state.RetryFor is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Okta-Retry-For", state.RetryFor);
            message.Headers.TryAddWithoutValidation("X-Okta-Retry-Count", state.RateLimitRetries.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return message;
    }

    private OktaResponse<T> Interpret<T>(OktaRequest request, JsonTypeInfo<T>? responseType, HttpStatusCode status, HttpResponseHeaders headers, byte[] body)
    {
        var code = (int)status;
        if (code is >= 200 and < 300)
        {
            var next = headers.TryGetValues("Link", out var links) ? LinkHeader.FindNext(links) : null;
            if (next is not null && !_domain.IsSameOrigin(next))
            {
                throw new OktaInvalidResponseException($"Okta's next-page link for {request.Description} points to {next.GetLeftPart(UriPartial.Authority)}, not {_domain}; refusing to follow it.");
            }

            if (responseType is null || code == 204)
            {
                return new OktaResponse<T>(default, code, next);
            }

            return new OktaResponse<T>(Deserialize(request, responseType, body, code), code, next);
        }

        if (code == 429)
        {
            var rate = RateLimitHeaders.From(headers);
            var wait = (rate?.UntilReset(_time.GetUtcNow()) ?? _options.RetryBaseDelay) + Jitter();
            var requestId = headers.TryGetValues("X-Okta-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
            throw new OktaRateLimitedException(request.Description, wait, requestId);
        }

        var error = ReadError(body);
        if (code >= 500)
        {
            throw new OktaTransientException($"Okta answered {code}{(error?.ErrorCode is { } c ? " " + c : string.Empty)} to {request.Description}") { Status = code };
        }

        if (request.ToleratedStatuses.Contains(code))
        {
            return new OktaResponse<T>(default, code, null);
        }

        if (code is >= 300 and < 400)
        {
            throw new OktaApiException(request.Description, code, null, "Okta redirected the request; redirects are not followed, so the token never leaves the configured domain");
        }

        throw new OktaApiException(request.Description, code, error?.ErrorCode, error?.ErrorSummary);
    }

    private static T Deserialize<T>(OktaRequest request, JsonTypeInfo<T> type, byte[] body, int status)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type)
                ?? throw new OktaTransientException($"Okta answered {status} to {request.Description} with an empty (null) body") { Status = status };
        }
        catch (JsonException ex)
        {
            // A body cut short is usually the network, so it is retried; a body that is always broken ends as this message.
            throw new OktaTransientException($"Okta sent malformed JSON for {request.Description} ({body.Length} bytes; {ex.Message.Split('.')[0]})", ex) { Status = status };
        }
    }

    private static OktaErrorBody? ReadError(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, OktaJsonContext.Default.OktaErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private OktaException GaveUp(OktaRequest request, Exception last, int attempts)
    {
        var reason = last switch
        {
            TimeoutRejectedException => $"Okta did not answer {request.Description} within {_options.RequestTimeout.TotalSeconds:0.#} s",
            HttpRequestException or IOException => $"Could not reach Okta at {_domain.Host} for {request.Description}: {last.Message}",
            _ => last.Message,
        };
        return new OktaException($"{reason} (gave up after {attempts} attempt{(attempts == 1 ? string.Empty : "s")})", last);
    }

    private TimeSpan Jitter() =>
        TimeSpan.FromTicks((long)(Random.Shared.NextDouble() * _options.RateLimitJitter.Ticks));

    private static string BuildUserAgent()
    {
        var version = typeof(OktaRequestSender).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return $"baton-okta-aws/{(plus < 0 ? version : version[..plus])} dotnet/{Environment.Version}";
    }

    public void Dispose()
    {
        _http.Dispose();
        _concurrency.Dispose();
    }
}
