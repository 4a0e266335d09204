using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OktaSimulator.Json;

namespace OktaSimulator.Http;

/// <summary>
/// What happens to every API request before and after its endpoint: latency, the concurrency limit,
/// SSWS authentication, rate limiting, fault injection, Okta error bodies and the request log.
/// </summary>
internal sealed class SimulatorPipeline
{
    public const string ControlPrefix = "/_simulator";

    private const string SswsPrefix = "SSWS ";

    private readonly string _expectedAuthorization;
    private readonly RateLimiter _rateLimiter;
    private readonly FaultInjector _faults;
    private readonly RequestLog _log;
    private readonly TimeProvider _time;
    private int _inFlight;

    public SimulatorPipeline(SimulatorOptions options, RateLimiter rateLimiter, FaultInjector faults, RequestLog log)
    {
        _expectedAuthorization = SswsPrefix + options.ApiToken;
        _rateLimiter = rateLimiter;
        _faults = faults;
        _log = log;
        _time = options.TimeProvider;
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith(ControlPrefix, StringComparison.Ordinal))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var sequence = _log.NextSequence();
        var bucket = RateLimitBucket.For(path);
        var requestId = $"sim{sequence:D8}{Guid.NewGuid():N}"[..20];
        context.Response.Headers["X-Okta-Request-Id"] = requestId;
        var fault = FaultKind.None;
        var logged = 0;
        void Log(bool answered)
        {
            if (Interlocked.Exchange(ref logged, 1) == 0)
            {
                _log.Add(Entry(context, sequence, path, bucket, fault, answered));
            }
        }

        // Logged as the answer starts, so a client that has any of it finds its request in the log.
        context.Response.OnStarting(() =>
        {
            Log(answered: true);
            return Task.CompletedTask;
        });
        var inFlight = Interlocked.Increment(ref _inFlight);
        try
        {
            var plan = _faults.Plan;
            var latency = _faults.LatencyFor(plan);
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, context.RequestAborted).ConfigureAwait(false);
            }

            if (inFlight > _rateLimiter.Settings.ConcurrencyLimit)
            {
                SetRateHeaders(context, _rateLimiter.Peek(bucket) with { Remaining = 0 });
                await WriteErrorAsync(context, OktaError.ConcurrencyLimited(), requestId).ConfigureAwait(false);
                return;
            }

            var authorization = context.Request.Headers.Authorization.ToString();
            if (!string.Equals(authorization, _expectedAuthorization, StringComparison.Ordinal))
            {
                SetRateHeaders(context, _rateLimiter.Peek(bucket));
                await WriteErrorAsync(context, OktaError.InvalidToken(), requestId).ConfigureAwait(false);
                return;
            }

            var decision = _rateLimiter.Acquire(bucket, authorization[SswsPrefix.Length..]);
            SetRateHeaders(context, decision);
            if (!decision.Allowed)
            {
                await WriteErrorAsync(context, OktaError.RateLimited(), requestId).ConfigureAwait(false);
                return;
            }

            fault = _faults.Next(path);
            switch (fault)
            {
                case FaultKind.ConnectionReset:
                    Log(answered: false);
                    context.Abort();
                    return;
                case FaultKind.ServerError:
                    await WriteErrorAsync(context, OktaError.InternalError(), requestId).ConfigureAwait(false);
                    return;
                case FaultKind.TooManyRequests:
                    var reset = _time.GetUtcNow().Add(plan.TooManyRequestsResetAfter);
                    SetRateHeaders(context, decision with { Remaining = 0, ResetEpochSeconds = (long)Math.Ceiling(reset.ToUnixTimeMilliseconds() / 1000.0) });
                    await WriteErrorAsync(context, OktaError.RateLimited(), requestId).ConfigureAwait(false);
                    return;
                case FaultKind.SlowResponse:
                    await HoldAsync(plan.SlowResponseDelay, context.RequestAborted).ConfigureAwait(false);
                    break;
                case FaultKind.MalformedJson:
                    context.Items[JsonResponse.MalformedFaultKey] = true;
                    break;
                case FaultKind.Held:
                    if (!await HoldAtGateAsync(context, new HeldRequest(sequence, context.Request.Method, path)).ConfigureAwait(false))
                    {
                        context.Abort();
                        return;
                    }

                    break;
                case FaultKind.RepeatedNextLink:
                    context.Response.OnStarting(() =>
                    {
                        PointNextLinkAtItself(context);
                        return Task.CompletedTask;
                    });
                    break;
            }

            if (fault is FaultKind.TruncatedBody or FaultKind.OversizedBody)
            {
                await RunBufferedAsync(context, next, requestId, fault, plan).ConfigureAwait(false);
            }
            else
            {
                await RunEndpointAsync(context, next, requestId).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (its timeout, or a cancelled sync): nothing left to answer.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            Log(answered: false);
        }
    }

    /// <summary>
    /// The log entry of a request; status 0 for a reset connection and for a held request the client gave up on
    /// before it was released (neither got an answer).
    /// </summary>
    private RequestLogEntry Entry(HttpContext context, long sequence, string path, string bucket, FaultKind fault, bool answered) => new(
        sequence,
        _time.GetUtcNow(),
        context.Request.Method,
        path,
        context.Request.QueryString.Value ?? string.Empty,
        (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText,
        bucket,
        !answered && fault is FaultKind.ConnectionReset or FaultKind.Held ? 0 : context.Response.StatusCode,
        fault,
        NullIfEmpty(context.Request.Headers["X-Okta-Retry-For"].ToString()),
        NullIfEmpty(context.Request.Headers["X-Okta-Retry-Count"].ToString()),
        NullIfEmpty(context.Request.Headers.UserAgent.ToString()));

    private static async Task RunEndpointAsync(HttpContext context, RequestDelegate next, string requestId)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (OktaErrorException ex) when (!context.Response.HasStarted)
        {
            await WriteErrorAsync(context, ex.Error, requestId).ConfigureAwait(false);
        }
    }

    /// <summary>Lets the endpoint answer into a buffer, then sends that answer cut short or blown up.</summary>
    private static async Task RunBufferedAsync(HttpContext context, RequestDelegate next, string requestId, FaultKind fault, FaultPlan plan)
    {
        var network = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await RunEndpointAsync(context, next, requestId).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = network;
        }

        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (fault == FaultKind.TruncatedBody)
        {
            // Content-Length announces the whole body; half of it arrives, then Kestrel, finding the answer
            // short of its Content-Length, closes the connection (an abort would reset it, and the client
            // could lose the half that was sent).
            context.Response.ContentLength = body.Length;
            context.Response.Headers.Connection = "close";
            await network.WriteAsync(body[..(body.Length / 2)], context.RequestAborted).ConfigureAwait(false);
            await network.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            return;
        }

        // Chunked, so the client cannot tell the size up front; leading whitespace keeps the JSON valid.
        context.Response.ContentLength = null;
        var padding = new byte[64 * 1024];
        Array.Fill(padding, (byte)' ');
        for (var left = plan.OversizedBodyBytes - body.Length; left > 0; left -= padding.Length)
        {
            await network.WriteAsync(padding.AsMemory(0, (int)Math.Min(left, padding.Length)), context.RequestAborted).ConfigureAwait(false);
        }

        await network.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Replaces a list page's <c>rel="next"</c> (or adds one, on the last page) with the page's own URL.</summary>
    private static void PointNextLinkAtItself(HttpContext context)
    {
        var links = context.Response.Headers["Link"];
        if (links.Count == 0)
        {
            return;
        }

        var request = context.Request;
        var self = $"<{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}>; rel=\"next\"";
        var kept = links.Where(l => l is not null && !l.Contains("rel=\"next\"", StringComparison.Ordinal)).Select(l => l!);
        context.Response.Headers["Link"] = kept.Append(self).ToArray();
    }

    /// <summary>
    /// Waits at the fault plan's gate until the test releases it; false when the simulator stops first (the
    /// request is then dropped, so a forgotten release does not hold up the shutdown).
    /// </summary>
    private async Task<bool> HoldAtGateAsync(HttpContext context, HeldRequest request)
    {
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await _faults.HoldAsync(request, either.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task HoldAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        // The timer is set before the hold is announced, so a test that advances a fake clock on the announcement
        // moves it past a timer that exists.
        var held = Task.Delay(delay, _time, cancellationToken);
        _faults.Holding(start: true);
        try
        {
            await held.ConfigureAwait(false);
        }
        finally
        {
            _faults.Holding(start: false);
        }
    }

    public static Task WriteErrorAsync(HttpContext context, OktaError error, string errorId) =>
        new JsonResponse(w => OktaJsonWriter.WriteError(w, error, errorId), error.Status).ExecuteAsync(context);

    private void SetRateHeaders(HttpContext context, RateLimitDecision decision)
    {
        var headers = context.Response.Headers;
        headers["X-Rate-Limit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-Rate-Limit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-Rate-Limit-Reset"] = decision.ResetEpochSeconds.ToString(CultureInfo.InvariantCulture);
        headers.Date = _time.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
