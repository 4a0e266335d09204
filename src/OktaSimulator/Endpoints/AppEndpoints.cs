using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OktaSimulator.Http;
using OktaSimulator.Json;
using OktaSimulator.Model;
using static OktaSimulator.Endpoints.EndpointSupport;

namespace OktaSimulator.Endpoints;

/// <summary>
/// <c>/api/v1/apps/{appId}</c> and its users and groups, plus the two AWS-app reads that live elsewhere:
/// the app user schema and the internal AWS role list.
/// </summary>
internal static class AppEndpoints
{
    // listApplications `filter`: "Filtering supports the following limited number of properties: id, status,
    // credentials.signing.kid, settings.slo.enabled, or name", and every example uses `eq`
    // (management-minimal.yaml, GET /api/v1/apps). The simulator has no signing keys or SLO, so it filters on the other three.
    private static readonly HashSet<string> FilterableAttributes = new(StringComparer.Ordinal) { "id", "status", "name" };
    private static readonly HashSet<string> FilterOperators = new(StringComparer.Ordinal) { "eq" };

    public static void Map(WebApplication app, OrgState state)
    {
        // listApplications: cursor paging with Link headers, `filter`, and `q` ("apps with name or label properties
        // that starts with the q value"). Both ACTIVE and INACTIVE apps are listed unless a filter says otherwise.
        app.MapGet("/api/v1/apps", (HttpContext context) =>
        {
            var page = PageRequest.From(context.Request, PageLimits.Apps);
            var include = AppFilter(context.Request, state);
            lock (state.SyncRoot)
            {
                var (ids, hasMore) = Paging.Slice(state.SortedAppIds, page, include);
                Paging.SetLinks(context, page, ids.LastOrDefault(), hasMore);
                var baseUrl = BaseUrl(context);
                return Array(state, ids, (w, id) => OktaJsonWriter.WriteApp(w, state.Apps[id], baseUrl));
            }
        });

        app.MapGet("/api/v1/apps/{appId}", (HttpContext context, string appId) =>
        {
            var simApp = state.RequireApp(appId);
            return Locked(state, w => OktaJsonWriter.WriteApp(w, simApp, BaseUrl(context)));
        });

        app.MapGet("/api/v1/meta/schemas/apps/{appId}/default", (HttpContext context, string appId) =>
        {
            var simApp = state.RequireApp(appId);
            return Locked(state, w => OktaJsonWriter.WriteAppUserSchema(w, simApp, BaseUrl(context)));
        });

        app.MapGet("/api/v1/internal/apps/{appId}/types", (string appId) =>
        {
            var simApp = state.RequireApp(appId);
            if (!simApp.IsAws || simApp.RoleList.Status == StatusCodes.Status404NotFound)
            {
                throw new OktaErrorException(OktaError.NotFound(appId, "AppInstance"));
            }

            if (simApp.RoleList.Status == StatusCodes.Status403Forbidden)
            {
                throw new OktaErrorException(OktaError.Forbidden("The API token may not read the AWS role list."));
            }

            return Locked(state, w => OktaJsonWriter.WriteRoleList(w, simApp.RoleList));
        });

        MapAppUsers(app, state);
        MapAppGroups(app, state);
    }

    private static void MapAppUsers(WebApplication app, OrgState state)
    {
        app.MapGet("/api/v1/apps/{appId}/users", (HttpContext context, string appId) =>
        {
            var simApp = state.RequireApp(appId);
            var page = PageRequest.From(context.Request, PageLimits.AppUsers);
            var expandUser = Expands(context, "user");
            var q = context.Request.Query["q"].ToString();
            lock (state.SyncRoot)
            {
                Func<string, bool> include = q.Length == 0 ? _ => true : id => UserStartsWith(state.Users[id], q);
                var (ids, hasMore) = Paging.Slice(state.AppUserIds(simApp), page, include);
                Paging.SetLinks(context, page, ids.LastOrDefault(), hasMore);
                var appUsers = ids.Select(id => state.DeriveAppUser(simApp, id)!).ToList();
                var baseUrl = BaseUrl(context);
                return Array(state, appUsers, (w, u) => OktaJsonWriter.WriteAppUser(w, simApp, u, expandUser, baseUrl));
            }
        });

        app.MapPost("/api/v1/apps/{appId}/users", async (HttpContext context, string appId) =>
        {
            var body = await ReadObjectAsync(context).ConfigureAwait(false);
            var userId = body["id"]?.GetValue<string>()
                ?? throw new OktaErrorException(OktaError.ValidationFailed("id: The user id is required."));
            var scope = body["scope"]?.GetValue<string>() ?? AppUserScope.User;
            if (scope != AppUserScope.User)
            {
                throw new OktaErrorException(OktaError.ValidationFailed("scope: Only USER assignments can be created here."));
            }

            var profile = body["profile"] as JsonObject ?? [];
            var appUser = state.AssignUser(appId, userId, (JsonObject)profile.DeepClone());
            var simApp = state.RequireApp(appId);
            return Locked(state, w => OktaJsonWriter.WriteAppUser(w, simApp, appUser, expandUser: false, BaseUrl(context)));
        });

        app.MapGet("/api/v1/apps/{appId}/users/{userId}", (HttpContext context, string appId, string userId) =>
        {
            var simApp = state.RequireApp(appId);
            var user = state.RequireUser(userId);
            var appUser = state.DeriveAppUser(simApp, user.Id)
                ?? throw new OktaErrorException(OktaError.NotFound(userId, "AppUser"));
            var expandUser = Expands(context, "user");
            return Locked(state, w => OktaJsonWriter.WriteAppUser(w, simApp, appUser, expandUser, BaseUrl(context)));
        });

        app.MapPost("/api/v1/apps/{appId}/users/{userId}", async (HttpContext context, string appId, string userId) =>
        {
            var body = await ReadObjectAsync(context).ConfigureAwait(false);
            var profile = body["profile"] as JsonObject
                ?? throw new OktaErrorException(OktaError.ValidationFailed("profile: A profile is required."));
            var appUser = state.UpdateAppUser(appId, userId, (JsonObject)profile.DeepClone());
            var simApp = state.RequireApp(appId);
            return Locked(state, w => OktaJsonWriter.WriteAppUser(w, simApp, appUser, expandUser: false, BaseUrl(context)));
        });

        app.MapDelete("/api/v1/apps/{appId}/users/{userId}", (string appId, string userId) =>
        {
            state.UnassignUser(appId, userId);
            return Results.NoContent();
        });
    }

    private static void MapAppGroups(WebApplication app, OrgState state)
    {
        app.MapGet("/api/v1/apps/{appId}/groups", (HttpContext context, string appId) =>
        {
            var simApp = state.RequireApp(appId);
            var page = PageRequest.From(context.Request, PageLimits.AppGroups);
            var expandGroup = Expands(context, "group");
            var q = context.Request.Query["q"].ToString();
            lock (state.SyncRoot)
            {
                var assignments = simApp.GroupAssignments.Values
                    .Where(a => q.Length == 0 || state.Groups[a.GroupId].Name.StartsWith(q, StringComparison.OrdinalIgnoreCase));
                var (page1, hasMore) = Paging.Slice(assignments, a => a.GroupId, page);
                Paging.SetLinks(context, page, page1.LastOrDefault()?.GroupId, hasMore);
                var baseUrl = BaseUrl(context);
                return Array(state, page1, (w, a) =>
                    OktaJsonWriter.WriteGroupAssignment(w, simApp, a, expandGroup ? state.Groups[a.GroupId] : null, baseUrl));
            }
        });

        app.MapGet("/api/v1/apps/{appId}/groups/{groupId}", (HttpContext context, string appId, string groupId) =>
        {
            var simApp = state.RequireApp(appId);
            lock (state.SyncRoot)
            {
                var assignment = simApp.GroupAssignments.GetValueOrDefault(groupId)
                    ?? throw new OktaErrorException(OktaError.NotFound(groupId, "ApplicationGroupAssignment"));
                var embed = Expands(context, "group") ? state.RequireGroup(groupId) : null;
                return Locked(state, w => OktaJsonWriter.WriteGroupAssignment(w, simApp, assignment, embed, BaseUrl(context)));
            }
        });

        app.MapPut("/api/v1/apps/{appId}/groups/{groupId}", async (HttpContext context, string appId, string groupId) =>
        {
            var body = context.Request.ContentLength is 0 ? [] : await ReadObjectAsync(context).ConfigureAwait(false);
            int? priority = body["priority"] is JsonValue p && p.TryGetValue<int>(out var value) ? value : null;
            var profile = body["profile"] as JsonObject ?? [];
            var assignment = state.AssignGroup(appId, groupId, priority, (JsonObject)profile.DeepClone());
            var simApp = state.RequireApp(appId);
            return Locked(state, w => OktaJsonWriter.WriteGroupAssignment(w, simApp, assignment, null, BaseUrl(context)));
        });

        app.MapPatch("/api/v1/apps/{appId}/groups/{groupId}", async (HttpContext context, string appId, string groupId) =>
        {
            var body = await ReadArrayAsync(context).ConfigureAwait(false);
            var operations = body.Select(ToPatch).ToList();
            var assignment = state.PatchGroupAssignment(appId, groupId, operations);
            var simApp = state.RequireApp(appId);
            return Locked(state, w => OktaJsonWriter.WriteGroupAssignment(w, simApp, assignment, null, BaseUrl(context)));
        });

        app.MapDelete("/api/v1/apps/{appId}/groups/{groupId}", (string appId, string groupId) =>
        {
            state.UnassignGroup(appId, groupId);
            return Results.NoContent();
        });
    }

    private static JsonPatch ToPatch(JsonNode? node)
    {
        if (node is not JsonObject op
            || op["op"] is not JsonValue opValue || !opValue.TryGetValue<string>(out var name)
            || op["path"] is not JsonValue pathValue || !pathValue.TryGetValue<string>(out var path))
        {
            throw new OktaErrorException(OktaError.ValidationFailed("Each patch operation needs an op and a path."));
        }

        return new JsonPatch(name, path, op["value"]);
    }

    private static Func<string, bool> AppFilter(HttpRequest request, OrgState state)
    {
        var filter = request.Query["filter"].ToString();
        var q = request.Query["q"].ToString();
        var expression = filter.Length > 0 ? SearchExpression.Parse(filter, FilterableAttributes, FilterOperators) : null;
        return id =>
        {
            var app = state.Apps[id];
            return (expression is null || expression.Matches(attribute => Attribute(app, attribute)))
                && (q.Length == 0
                    || app.Name.StartsWith(q, StringComparison.OrdinalIgnoreCase)
                    || app.Label.StartsWith(q, StringComparison.OrdinalIgnoreCase));
        };
    }

    private static string? Attribute(SimApp app, string attribute) => attribute switch
    {
        "id" => app.Id,
        "status" => app.Status,
        "name" => app.Name,
        _ => null,
    };

    private static bool UserStartsWith(SimUser user, string q) =>
        user.Login.StartsWith(q, StringComparison.OrdinalIgnoreCase)
        || user.Email.StartsWith(q, StringComparison.OrdinalIgnoreCase)
        || user.FirstName.StartsWith(q, StringComparison.OrdinalIgnoreCase)
        || user.LastName.StartsWith(q, StringComparison.OrdinalIgnoreCase);
}
