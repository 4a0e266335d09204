using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OktaSimulator.Http;
using OktaSimulator.Json;
using OktaSimulator.Model;
using static OktaSimulator.Endpoints.EndpointSupport;

namespace OktaSimulator.Endpoints;

/// <summary><c>/api/v1/groups</c>: list (with q, search, filter), get, members, and membership changes.</summary>
internal static class GroupEndpoints
{
    private static readonly HashSet<string> FilterableAttributes = new(StringComparer.Ordinal)
    {
        "id", "type", "profile.name", "profile.description",
    };

    // listGroups `search` also reaches "the source of groups with type of APP_GROUP, accessed as source.id"
    // (management-minimal.yaml, GET /api/v1/groups); `filter` does not.
    private static readonly HashSet<string> SearchableAttributes = new(FilterableAttributes, StringComparer.Ordinal)
    {
        "source.id",
    };

    public static void Map(WebApplication app, OrgState state)
    {
        app.MapGet("/api/v1/groups", (HttpContext context) =>
        {
            var q = context.Request.Query["q"].ToString();
            var page = PageRequest.From(context.Request, q.Length > 0 ? PageLimits.GroupsQuery : PageLimits.Groups);
            var include = GroupFilter(context.Request, state, q);
            var expansion = GroupExpansion.From(context);
            lock (state.SyncRoot)
            {
                var (ids, hasMore) = Paging.Slice(state.SortedGroupIds, page, include);
                Paging.SetLinks(context, page, ids.LastOrDefault(), hasMore);
                var baseUrl = BaseUrl(context);
                return Array(state, ids, (w, id) =>
                {
                    var group = state.Groups[id];
                    OktaJsonWriter.WriteGroup(w, group, baseUrl, expansion.EmbedsFor(state, group));
                });
            }
        });

        // getGroup documents no `expand`, but Okta answers it as listGroups does (its admin pages ask for
        // /api/v1/groups/{id}?expand=stats,app), so the simulator embeds here too.
        app.MapGet("/api/v1/groups/{groupId}", (HttpContext context, string groupId) =>
        {
            var group = state.RequireGroup(groupId);
            var expansion = GroupExpansion.From(context);
            return Locked(state, w => OktaJsonWriter.WriteGroup(w, group, BaseUrl(context), expansion.EmbedsFor(state, group)));
        });

        app.MapGet("/api/v1/groups/{groupId}/users", (HttpContext context, string groupId) =>
        {
            var group = state.RequireGroup(groupId);
            var page = PageRequest.From(context.Request, PageLimits.GroupMembers);
            lock (state.SyncRoot)
            {
                var (ids, hasMore) = Paging.Slice(group.Members, page);
                Paging.SetLinks(context, page, ids.LastOrDefault(), hasMore);
                var baseUrl = BaseUrl(context);
                return Array(state, ids, (w, id) => OktaJsonWriter.WriteUser(w, state.Users[id], baseUrl));
            }
        });

        app.MapPut("/api/v1/groups/{groupId}/users/{userId}", (string groupId, string userId) =>
        {
            state.AddMember(groupId, userId);
            return Results.NoContent();
        });

        app.MapDelete("/api/v1/groups/{groupId}/users/{userId}", (string groupId, string userId) =>
        {
            state.RemoveMember(groupId, userId);
            return Results.NoContent();
        });
    }

    private static Func<string, bool> GroupFilter(HttpRequest request, OrgState state, string q)
    {
        var search = request.Query["search"].ToString();
        var filter = request.Query["filter"].ToString();
        var expressionText = search.Length > 0 ? search : filter;
        if (expressionText.Length > 0)
        {
            var expression = SearchExpression.Parse(expressionText, search.Length > 0 ? SearchableAttributes : FilterableAttributes);
            return id => expression.Matches(attribute => Attribute(state.Groups[id], attribute));
        }

        return q.Length > 0
            ? id => state.Groups[id].Name.StartsWith(q, StringComparison.OrdinalIgnoreCase)
            : _ => true;
    }

    private static string? Attribute(SimGroup group, string attribute) => attribute switch
    {
        "id" => group.Id,
        "type" => group.Type,
        "profile.name" => group.Name,
        "profile.description" => group.Description,
        "source.id" => group.SourceAppId,
        _ => null,
    };
}
