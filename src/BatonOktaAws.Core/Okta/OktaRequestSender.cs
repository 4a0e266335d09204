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
using BatonOktaAws.Core.Okta.Responses;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace BatonOktaAws.Core.Okta;

/// <summary>
/// Sends one logical request and turns the answer into a value or a precise exception. Outside in: retries;
/// per attempt the rate-limit gate and the concurrency cap (waits, which no timeout bounds); then the HTTP
/// exchange — SSWS authentication, the response read through a size cap and parsed as JSON — under the per-attempt
/// timeout.
/// </summary>
internal sealed class OktaRequestSender : IDisposable
{
    /// <summary>Error bodies are small; more than this of one is not read.</summary>
    private const int MaxErrorBodyBytes = 64 * 1024;

    private static readonly string UserAgent = BuildUserAgent();

    private readonly HttpClient _http;
    private readonly OktaDomain _domain;
    private readonly OktaApiToken _token;
    private readonly RateLimitGate _gate;
    private readonly SemaphoreSlim _concurrency;
    private readonly ResiliencePipeline _retry;
    private readonly ResiliencePipeline _attemptTimeout;
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
        _gate = new RateLimitGate(
            time,
            options.TokenRateLimitShare,
            options.RateLimitJitter,
            wait =>
            {
                // Once per wait of a bucket, however many requests wait in it.
                var seconds = Math.Max(0, (wait.Until - time.GetUtcNow()).TotalSeconds);
                OktaLog.WaitingForRateLimit(logger, wait.Bucket, seconds, wait.Until.UtcDateTime, wait.Reason);
                onWait?.Invoke(wait);
            },
            options.RetryMaxDelay);
        _retry = OktaRetryPipeline.CreateRetry(options, time, logger);
        _attemptTimeout = OktaRetryPipeline.CreateAttemptTimeout(options, time);
    }

    /// <summary>Requests that reached Okta and got an answer (retries count separately).</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    /// <summary>Each bucket's use of its current window against the token's share (see <see cref="RateLimitGate.Usage"/>).</summary>
    public IReadOnlyList<RateLimitUse> RateLimitUsage() => _gate.Usage();

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
            return await _retry.ExecuteAsync(
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
        // Waiting for the window and for a slot is not part of the attempt: no timeout runs yet.
        var ticket = await _gate.AcquireAsync(RateLimitBucket.For(request.Uri), cancellationToken).ConfigureAwait(false);
        try
        {
            await _concurrency.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                state.Attempts++;
                return await _attemptTimeout.ExecuteAsync(
                    static (s, token) => s.Sender.ExchangeAsync(s.Request, s.ResponseType, s.State, s.Ticket, token),
                    (Sender: this, Request: request, ResponseType: responseType, State: state, Ticket: ticket),
                    cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _concurrency.Release();
            }
        }
        finally
        {
            // No answer (a connection error, the timeout, cancellation): the request may or may not have counted.
            _gate.Abandon(ticket);
        }
    }

    /// <summary>One HTTP exchange, body included; the per-attempt timeout bounds all of it.</summary>
    private async ValueTask<OktaResponse<T>> ExchangeAsync<T>(OktaRequest request, JsonTypeInfo<T>? responseType, AttemptState state, RateLimitTicket ticket, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        using var message = BuildMessage(request, state);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (ConnectionFailure.Permanent(ex, request.Uri) is { } reason)
        {
            throw new OktaUnreachableException($"Could not reach Okta at {_domain.Host} for {request.Description}: {reason}; not retried.", ex);
        }

        using (response)
        {
            var code = (int)response.StatusCode;
            var rate = RateLimitHeaders.From(response.Headers);
            var refusedFor = TimeSpan.Zero;
            if (code == 429)
            {
                refusedFor = _gate.Refused(ticket, rate);
            }
            else
            {
                _gate.Complete(ticket, rate);
            }

            Interlocked.Increment(ref _requests);
            var elapsedMs = (long)_time.GetElapsedTime(started).TotalMilliseconds;
            OktaLog.Answered(_logger, code, request.Description, elapsedMs);
            return await InterpretAsync(request, responseType, response, code, refusedFor, cancellationToken).ConfigureAwait(false);
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
            // Okta's SDKs send these on a retry after a 429: the refused request's id and how many retries so far.
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

    private async Task<OktaResponse<T>> InterpretAsync<T>(OktaRequest request, JsonTypeInfo<T>? responseType, HttpResponseMessage response, int code, TimeSpan refusedFor, CancellationToken cancellationToken)
    {
        var headers = response.Headers;
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

            return new OktaResponse<T>(await ReadJsonAsync(request, responseType, response, code, cancellationToken).ConfigureAwait(false), code, next);
        }

        if (code == 429)
        {
            var requestId = headers.TryGetValues("X-Okta-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
            throw new OktaRateLimitedException(request.Description, refusedFor, requestId);
        }

        var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// Reads the body whole through the size cap into a pooled array, then parses it in one pass: cheaper than the
    /// serializer's resumable path over the stream, at the cost of holding one body's bytes while its page is parsed.
    /// </summary>
    private async Task<T> ReadJsonAsync<T>(OktaRequest request, JsonTypeInfo<T> type, HttpResponseMessage response, int status, CancellationToken cancellationToken)
    {
        var announced = response.Content.Headers.ContentLength;
        if (announced > ResponseLimit)
        {
            throw TooLarge(request);
        }

        var stream = new BoundedResponseStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), ResponseLimit);
        await using (stream.ConfigureAwait(false))
        {
            PooledResponseBody body;
            try
            {
                body = await PooledResponseBody.ReadAsync(stream, announced, ResponseLimit, cancellationToken).ConfigureAwait(false);
            }
            catch (ResponseTooLargeException)
            {
                throw TooLarge(request);
            }
            catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The connection ended before Content-Length was reached: the network, usually, so it is retried.
                var of = announced is { } length ? $" of {length}" : string.Empty;
                throw new OktaTransientException($"Okta's answer to {request.Description} was cut short after {stream.BytesRead}{of} bytes", ex) { Status = status };
            }

            using (body)
            {
                try
                {
                    return JsonSerializer.Deserialize(body.Json, type)
                        ?? throw new OktaTransientException($"Okta answered {status} to {request.Description} with an empty (null) body") { Status = status };
                }
                catch (JsonException ex)
                {
                    // JSON cut short is usually the network too; a body that is always broken ends as this message.
                    throw new OktaTransientException($"Okta sent malformed JSON for {request.Description} ({stream.BytesRead} bytes; {ex.Message.Split('.')[0]})", ex) { Status = status };
                }
            }
        }
    }

    /// <summary>The most of one body the client reads (validated to fit one array: <see cref="OktaClientOptions.MaxResponseBytesLimit"/>).</summary>
    private int ResponseLimit => (int)_options.MaxResponseBytes;

    private OktaResponseTooLargeException TooLarge(OktaRequest request) => new(request.Description, ResponseLimit);

    private static async Task<OktaErrorBody?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = new BoundedResponseStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), MaxErrorBodyBytes);
            await using (body.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(body, OktaJsonContext.Default.OktaErrorBody, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or ResponseTooLargeException)
        {
            // The status says enough; an unreadable error body only loses its code and summary.
            return null;
        }
    }

    private OktaException GaveUp(OktaRequest request, Exception last, int attempts)
    {
        var reason = last switch
        {
            TimeoutRejectedException => $"Okta did not answer {request.Description} within {_options.RequestTimeout.TotalSeconds:0.#} s",
            HttpRequestException or IOException => $"Could not reach Okta at {_domain.Host} for {request.Description}: {ConnectionFailure.Describe(last)}",
            _ => last.Message,
        };
        return new OktaException($"{reason} (gave up after {attempts} attempt{(attempts == 1 ? string.Empty : "s")})", last);
    }

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
