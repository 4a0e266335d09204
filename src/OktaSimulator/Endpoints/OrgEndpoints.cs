using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OktaSimulator.Json;
using OktaSimulator.Model;
using static OktaSimulator.Endpoints.EndpointSupport;

namespace OktaSimulator.Endpoints;

internal static class OrgEndpoints
{
    public static void Map(WebApplication app, OrgState state)
    {
        app.MapGet("/api/v1/org", (HttpContext context) =>
            Locked(state, w => OktaJsonWriter.WriteOrg(w, state.Org, BaseUrl(context))));
    }
}
