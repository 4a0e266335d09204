using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OktaSimulator.Http;

/// <summary>
/// A JSON response written into a buffer first, so the malformed-body fault can cut it short while the
/// HTTP exchange itself stays well formed.
/// </summary>
internal sealed class JsonResponse : IResult
{
    public const string MalformedFaultKey = "okta-simulator:malformed";

    private readonly Action<Utf8JsonWriter> _write;
    private readonly int _status;

    public JsonResponse(Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK)
    {
        _write = write;
        _status = status;
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            _write(writer);
        }

        var body = buffer.WrittenMemory;
        if (httpContext.Items.ContainsKey(MalformedFaultKey))
        {
            body = body[..(body.Length / 2)];
        }

        httpContext.Response.StatusCode = _status;
        httpContext.Response.ContentType = "application/json";
        httpContext.Response.ContentLength = body.Length;
        await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
