using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OktaSimulator.Http;
using OktaSimulator.Model;

namespace OktaSimulator.Endpoints;

/// <summary>Helpers shared by the endpoint groups.</summary>
internal static class EndpointSupport
{
    public static string BaseUrl(HttpContext context) =>
        $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";

    /// <summary>A JSON response whose writer runs under the org lock, so it sees one consistent org.</summary>
    public static JsonResponse Locked(OrgState state, Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK) =>
        new(w =>
        {
            lock (state.SyncRoot)
            {
                write(w);
            }
        }, status);

    public static JsonResponse Array<T>(OrgState state, IEnumerable<T> items, Action<Utf8JsonWriter, T> writeItem) =>
        Locked(state, w =>
        {
            w.WriteStartArray();
            foreach (var item in items)
            {
                writeItem(w, item);
            }

            w.WriteEndArray();
        });

    public static async Task<JsonObject> ReadObjectAsync(HttpContext context)
    {
        try
        {
            var node = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            return node as JsonObject
                ?? throw new OktaErrorException(new OktaError(400, "E0000003", "The request body was not well-formed."));
        }
        catch (JsonException)
        {
            throw new OktaErrorException(new OktaError(400, "E0000003", "The request body was not well-formed."));
        }
    }

    public static async Task<JsonArray> ReadArrayAsync(HttpContext context)
    {
        try
        {
            var node = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            return node as JsonArray
                ?? throw new OktaErrorException(new OktaError(400, "E0000003", "The request body was not well-formed."));
        }
        catch (JsonException)
        {
            throw new OktaErrorException(new OktaError(400, "E0000003", "The request body was not well-formed."));
        }
    }

    /// <summary>
    /// True when <c>expand</c> names <paramref name="what"/>, given as one value, a comma list
    /// (<c>expand=stats,app</c>, as Okta's own admin pages send it) or repeated parameters.
    /// </summary>
    public static bool Expands(HttpContext context, string what) =>
        context.Request.Query["expand"].Any(v => (v ?? string.Empty)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(part => string.Equals(part, what, StringComparison.OrdinalIgnoreCase)));
}
