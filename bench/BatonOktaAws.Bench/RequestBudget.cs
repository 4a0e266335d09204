using OktaSimulator.Http;
using OktaSimulator.Model;

namespace BatonOktaAws.Bench;

/// <summary>What a sync of an org must cost at least, and what a per-user design would cost.</summary>
internal sealed record RequestBudget(long Minimum, long PerUserDesign, IReadOnlyDictionary<string, long> MinimumByBucket)
{
    private const int ConfigurationReads = 3;

    /// <summary>
    /// Minimum: every list at Okta's maximum page size (app users 500, app groups 200, group members 1,000)
    /// plus the app, its schema and its role list. A per-user design adds one <c>/users/{id}/groups</c> call per
    /// group-scoped app user, as the reference Go connector does when join-all-roles is off.
    /// </summary>
    public static RequestBudget For(OrgState state)
    {
        var app = state.Apps[state.AwsAppId!];
        var appUsers = state.AppUserIds(app);
        var appUserPages = Pages(appUsers.Count, 500);
        var appGroupPages = Pages(app.GroupAssignments.Count, 200);
        var memberPages = app.GroupAssignments.Keys.Sum(g => Pages(state.Groups[g].Members.Count, 1_000));
        var groupScoped = appUsers.Count(id => !app.DirectAssignments.ContainsKey(id));
        var byBucket = new Dictionary<string, long>
        {
            [RateLimitBucket.Apps] = 1 + appUserPages + appGroupPages,
            [RateLimitBucket.Groups] = memberPages,
            ["/api/v1/meta"] = 1,
            ["/api/v1/internal"] = 1,
        };
        var minimum = ConfigurationReads + appUserPages + appGroupPages + memberPages;
        return new RequestBudget(minimum, ConfigurationReads + appUserPages + appGroupPages + groupScoped, byBucket);
    }

    private static long Pages(long count, int limit) => Math.Max(1, (count + limit - 1) / limit);
}
