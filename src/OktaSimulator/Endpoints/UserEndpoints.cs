using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OktaSimulator.Http;
using OktaSimulator.Json;
using OktaSimulator.Model;
using static OktaSimulator.Endpoints.EndpointSupport;

namespace OktaSimulator.Endpoints;

/// <summary><c>/api/v1/users</c>: list (with search, filter, q), get by id or login, a user's groups.</summary>
internal static class UserEndpoints
{
    private static readonly HashSet<string> SearchableAttributes = new(StringComparer.Ordinal)
    {
        "id", "status", "profile.login", "profile.email", "profile.firstName", "profile.lastName",
    };

    public static void Map(WebApplication app, OrgState state)
    {
        app.MapGet("/api/v1/users", (HttpContext context) =>
        {
            var page = PageRequest.From(context.Request, PageLimits.Users);
            var include = UserFilter(context.Request, state);
            lock (state.SyncRoot)
            {
                var (ids, hasMore) = Paging.Slice(state.SortedUserIds, page, include);
                Paging.SetLinks(context, page, ids.LastOrDefault(), hasMore);
                var baseUrl = BaseUrl(context);
                return Array(state, ids, (w, id) => OktaJsonWriter.WriteUser(w, state.Users[id], baseUrl));
            }
        });

        app.MapGet("/api/v1/users/{userId}", (HttpContext context, string userId) =>
        {
            var user = state.RequireUser(userId);
            return Locked(state, w => OktaJsonWriter.WriteUser(w, user, BaseUrl(context)));
        });

        app.MapGet("/api/v1/users/{userId}/groups", (HttpContext context, string userId) =>
        {
            var user = state.RequireUser(userId);
            var page = PageRequest.From(context.Request, PageLimits.UserGroups);
            var (groups, hasMore) = Paging.Slice(state.GroupsOfUser(user.Id), g => g.Id, page);
            Paging.SetLinks(context, page, groups.LastOrDefault()?.Id, hasMore);
            var baseUrl = BaseUrl(context);
            return Array(state, groups, (w, g) => OktaJsonWriter.WriteGroup(w, g, baseUrl));
        });
    }

    /// <summary>
    /// Okta leaves DEPROVISIONED users out of a plain list (and of <c>q</c>); <c>search</c> and <c>filter</c>
    /// return them when they match.
    /// </summary>
    private static Func<string, bool> UserFilter(HttpRequest request, OrgState state)
    {
        var search = request.Query["search"].ToString();
        var filter = request.Query["filter"].ToString();
        var q = request.Query["q"].ToString();
        var expressionText = search.Length > 0 ? search : filter;
        if (expressionText.Length > 0)
        {
            var expression = SearchExpression.Parse(expressionText, SearchableAttributes);
            return id => expression.Matches(attribute => Attribute(state.Users[id], attribute));
        }

        if (q.Length > 0)
        {
            return id =>
            {
                var user = state.Users[id];
                return user.Status != UserStatus.Deprovisioned
                    && (user.FirstName.StartsWith(q, StringComparison.OrdinalIgnoreCase)
                        || user.LastName.StartsWith(q, StringComparison.OrdinalIgnoreCase)
                        || user.Email.StartsWith(q, StringComparison.OrdinalIgnoreCase));
            };
        }

        return id => state.Users[id].Status != UserStatus.Deprovisioned;
    }

    private static string? Attribute(SimUser user, string attribute) => attribute switch
    {
        "id" => user.Id,
        "status" => user.Status,
        "profile.login" => user.Login,
        "profile.email" => user.Email,
        "profile.firstName" => user.FirstName,
        "profile.lastName" => user.LastName,
        _ => null,
    };
}
