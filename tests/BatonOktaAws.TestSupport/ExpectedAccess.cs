using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OktaSimulator.Model;

namespace BatonOktaAws.TestSupport;

/// <summary>One expected row of <c>access --output json</c>; <see cref="AppId"/> is the AWS app the access comes through.</summary>
public sealed record ExpectedRow(string UserId, string Login, string Status, string AccountId, string Role, string Source, string AppId = "");

/// <summary>
/// An oracle for who may assume which role, computed straight from the simulator's org — written apart from
/// the connector's rules, from the documented rules in docs/aws-access.md, so the two check each other.
/// </summary>
public static partial class ExpectedAccess
{
    /// <summary>The access through every ACTIVE AWS app of the org (what <c>sync --aws-okta-app-id all</c> reads).</summary>
    public static IReadOnlyList<ExpectedRow> FromAllApps(OrgState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Normalize(state.Apps.Values
            .Where(a => a.IsAws && a.Status == "ACTIVE")
            .SelectMany(a => From(state, a.Id)));
    }

    public static IReadOnlyList<ExpectedRow> From(OrgState state, string? appId = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var app = state.Apps[appId ?? state.AwsAppId!];
        var settings = app.SettingsApp ?? [];
        var groupMapping = settings["useGroupMapping"]?.GetValue<bool>() ?? false;
        var joinAll = settings["joinAllRoles"]?.GetValue<bool>() ?? false;
        var sources = (settings["appFilter"]?.GetValue<string>() ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var rows = new List<ExpectedRow>();
        foreach (var userId in state.AppUserIds(app))
        {
            var user = state.Users[userId];
            var direct = app.DirectAssignments.ContainsKey(userId);
            if (groupMapping)
            {
                var filter = ToRegex(settings["groupFilter"]!.GetValue<string>());
                foreach (var group in state.GroupsOfUser(userId).Where(g => sources.Length == 0 || sources.Contains(SourceOf(state, g), StringComparer.OrdinalIgnoreCase)))
                {
                    var match = filter.Match(group.Name);
                    if (match.Success && match.Groups["accountid"].Value.Length == 12 && match.Groups["accountid"].Value.All(char.IsAsciiDigit) && IamRoleName().IsMatch(match.Groups["role"].Value))
                    {
                        rows.Add(Row(user, match.Groups["accountid"].Value, match.Groups["role"].Value, "group:" + group.Id, app.Id));
                    }
                }

                continue;
            }

            var account = settings["identityProviderArn"]!.GetValue<string>().Split(':')[4];
            var assigned = app.GroupAssignments.Values.Where(a => state.Groups[a.GroupId].Members.Contains(userId)).ToList();
            if (direct)
            {
                rows.AddRange(Roles(app.DirectAssignments[userId].Profile).Select(r => Row(user, account, r, "direct", app.Id)));
            }

            IEnumerable<SimAppGroupAssignment> contributing =
                direct ? (joinAll ? assigned : [])
                : joinAll || app.SamlRolesUnion ? assigned
                : assigned.OrderBy(a => a.Priority).ThenBy(a => a.GroupId, StringComparer.Ordinal).Take(1);
            foreach (var group in contributing)
            {
                rows.AddRange(Roles(group.Profile).Select(r => Row(user, account, r, "group:" + group.GroupId, app.Id)));
            }
        }

        return Normalize(rows.Distinct());
    }

    /// <summary>Sorts actual rows the way <see cref="From"/> does, for comparison.</summary>
    public static IReadOnlyList<ExpectedRow> Normalize(IEnumerable<ExpectedRow> rows) =>
        [.. rows.OrderBy(r => r.UserId, StringComparer.Ordinal).ThenBy(r => r.AppId, StringComparer.Ordinal).ThenBy(r => r.AccountId, StringComparer.Ordinal).ThenBy(r => r.Role, StringComparer.Ordinal).ThenBy(r => r.Source, StringComparer.Ordinal)];

    /// <summary>Parses <c>access --output json</c>.</summary>
    public static IReadOnlyList<ExpectedRow> ParseJson(string json)
    {
        var array = JsonNode.Parse(json)!.AsArray();
        return Normalize(array.Select(n => new ExpectedRow(
            n!["userId"]!.GetValue<string>(),
            n["login"]!.GetValue<string>(),
            n["status"]!.GetValue<string>(),
            n["accountId"]!.GetValue<string>(),
            n["role"]!.GetValue<string>(),
            n["source"]!.GetValue<string>(),
            n["appId"]!.GetValue<string>())));
    }

    /// <summary>A profile's samlRoles, or its default role when it has none (Okta's AWS guide); only names IAM accepts.</summary>
    private static IEnumerable<string> Roles(JsonObject profile)
    {
        var roles = SamlRoles.Read(profile);
        if (roles.Count == 0 && profile["role"] is JsonValue value && value.TryGetValue<string>(out var role))
        {
            roles = [role];
        }

        return roles.Where(r => IamRoleName().IsMatch(r));
    }

    /// <summary>Where a group is mastered, as an appFilter names it: okta, or the name of the app it is imported from.</summary>
    private static string SourceOf(OrgState state, SimGroup group) =>
        group.SourceAppId is { } source ? state.Apps[source].Name : "okta";

    [GeneratedRegex(@"^[A-Za-z0-9+=,.@_\-]{1,64}$")]
    private static partial Regex IamRoleName();

    private static ExpectedRow Row(SimUser user, string account, string role, string source, string appId) =>
        new(user.Id, user.Login, user.Status, account, role, source, appId);

    private static Regex ToRegex(string oktaFilter) =>
        new(oktaFilter.Replace("(?{{accountid}}", "(?<accountid>", StringComparison.Ordinal).Replace("(?{{role}}", "(?<role>", StringComparison.Ordinal));
}
