using System.Text.RegularExpressions;
using BatonOktaAws.Core.Okta.Paging;
using OktaSimulator.Http;
using OktaSimulator.Model;

namespace BatonOktaAws.Bench;

/// <summary>
/// What reading an org's AWS access must cost at least, computed from the simulator's org (not from the connector's
/// code), and what a per-user design would cost. Only the requests that read AWS access are held against it
/// (<see cref="Counts"/>); the rest — the admin roles' lists, role reads and the members of groups that matter
/// only for admin roles — are reported apart as "other".
/// </summary>
/// <param name="MinimumByBucket">The minimum per rate-limit bucket.</param>
/// <param name="MemberGroups">The groups whose members decide AWS access.</param>
internal sealed partial record RequestBudget(long Minimum, long PerUserDesign, IReadOnlyDictionary<string, long> MinimumByBucket, IReadOnlySet<string> MemberGroups)
{
    private const string GroupsPrefix = RateLimitBucket.Groups + "/";

    /// <summary>
    /// Whether a request reads AWS access: the apps, their schemas and role lists, the group list group mapping
    /// reads (not the admin roles' <c>expand=stats</c> list) and the members of <see cref="MemberGroups"/>.
    /// </summary>
    public bool Counts(RequestLogEntry request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Bucket is RateLimitBucket.Apps or "/api/v1/meta" or "/api/v1/internal")
        {
            return true;
        }

        if (request.Bucket != RateLimitBucket.Groups)
        {
            return false;
        }

        if (request.Path == RateLimitBucket.Groups)
        {
            return !request.Query.Contains("expand=stats", StringComparison.Ordinal);
        }

        var rest = request.Path.StartsWith(GroupsPrefix, StringComparison.Ordinal) ? request.Path[GroupsPrefix.Length..] : "";
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && rest[(slash + 1)..] == "users" && MemberGroups.Contains(rest[..slash]);
    }

    /// <summary>
    /// Shared data is read once. For the apps <paramref name="apps"/> of a sync:
    /// <list type="bullet">
    /// <item>one discovery page per 200 <c>amazon_aws</c> apps when they are found (<c>all</c>), else one read of each named app;</item>
    /// <item>per app its schema and role list, and its app-user pages (500) and app-group pages (200);</item>
    /// <item>when group-mapping apps are synced, one list of the groups their filters can match, at the groups page size:
    /// every group, unless each filter is anchored (<c>^</c>) with a literal prefix;</item>
    /// <item>one member list per distinct group whose members decide access: the groups assigned to single-account
    /// apps and the groups a group-mapping app maps to a role — each once however many apps name it.</item>
    /// </list>
    /// The per-user design adds, per app, one <c>/users/{id}/groups</c> call per group-scoped app user, as the reference
    /// Go connector does when join-all-roles is off.
    /// </summary>
    public static RequestBudget For(OrgState state, IReadOnlyList<SimApp> apps, bool discovered, PageSizes pageSizes)
    {
        long appsBucket = discovered
            ? Pages(state.Apps.Values.Count(a => a.IsAws), OktaPageLimits.Apps)
            : apps.Count;
        long perUser = 0;
        var memberGroups = new HashSet<string>(StringComparer.Ordinal);
        var mapping = new List<Regex>();
        var prefixes = new List<string?>();
        foreach (var app in apps)
        {
            var appUsers = state.AppUserIds(app);
            var pages = Pages(appUsers.Count, OktaPageLimits.AppUsers) + Pages(app.GroupAssignments.Count, OktaPageLimits.AppGroups);
            appsBucket += pages;
            perUser += ConfigurationReads + pages + appUsers.Count(id => !app.DirectAssignments.ContainsKey(id));
            var settings = app.SettingsApp ?? [];
            if (settings["useGroupMapping"]?.GetValue<bool>() == true)
            {
                var filter = settings["groupFilter"]!.GetValue<string>();
                mapping.Add(ToRegex(filter));
                prefixes.Add(AnchoredPrefix(filter));
            }
            else
            {
                memberGroups.UnionWith(app.GroupAssignments.Keys);
            }
        }

        long groupList = 0;
        if (mapping.Count > 0)
        {
            var listed = prefixes.Any(p => p is null)
                ? [.. state.Groups.Values]
                : state.Groups.Values.Where(g => prefixes.Any(p => g.Name.StartsWith(p!, StringComparison.OrdinalIgnoreCase))).ToList();
            groupList = prefixes.Any(p => p is null) ? Pages(listed.Count, pageSizes.Groups) : prefixes.Distinct().Sum(p => Pages(listed.Count(g => g.Name.StartsWith(p!, StringComparison.OrdinalIgnoreCase)), pageSizes.Groups));
            memberGroups.UnionWith(listed.Where(g => mapping.Any(r => Maps(r, g.Name))).Select(g => g.Id));
        }

        var memberPages = memberGroups.Sum(g => Pages(state.Groups[g].Members.Count, pageSizes.GroupMembers));
        var byBucket = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [RateLimitBucket.Apps] = appsBucket,
            [RateLimitBucket.Groups] = groupList + memberPages,
            ["/api/v1/meta"] = apps.Count,
            ["/api/v1/internal"] = apps.Count,
        };
        return new RequestBudget(byBucket.Values.Sum(), perUser, byBucket, memberGroups);
    }

    /// <summary>The app itself (read by id), its app user schema and its AWS role list.</summary>
    private const int ConfigurationReads = 3;

    private static long Pages(long count, int limit) => Math.Max(1, (count + limit - 1) / limit);

    /// <summary>A name the filter maps to a role: a 12-digit account and a role name IAM accepts (docs/aws-access.md).</summary>
    private static bool Maps(Regex filter, string name)
    {
        var match = filter.Match(name);
        return match.Success
            && match.Groups["accountid"].Value is { Length: 12 } account && account.All(char.IsAsciiDigit)
            && IamRoleName().IsMatch(match.Groups["role"].Value);
    }

    private static Regex ToRegex(string oktaFilter) =>
        new(oktaFilter.Replace("(?{{accountid}}", "(?<accountid>", StringComparison.Ordinal).Replace("(?{{role}}", "(?<role>", StringComparison.Ordinal));

    /// <summary>An anchored filter's literal text up to its first metacharacter, or null when the filter is not anchored.</summary>
    private static string? AnchoredPrefix(string filter)
    {
        if (!filter.StartsWith('^'))
        {
            return null;
        }

        var end = filter.IndexOfAny(@"\^$.|?*+()[]{}".ToCharArray(), 1);
        return end < 0 ? filter[1..] : filter[1..end];
    }

    [GeneratedRegex(@"^[A-Za-z0-9+=,.@_\-]{1,64}$")]
    private static partial Regex IamRoleName();
}

/// <summary>The page sizes a sync asks for where they are configurable.</summary>
internal sealed record PageSizes(int GroupMembers, int Groups)
{
    public static PageSizes Default { get; } = new(OktaPageLimits.GroupMembers, OktaPageLimits.Groups);
}
