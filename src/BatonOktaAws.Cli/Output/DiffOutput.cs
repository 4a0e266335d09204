using BatonOktaAws.Core.Review.Report;
using System.Globalization;
using System.Text.Json;
using BatonOktaAws.Core.Review.Diff;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Cli.Output;

/// <summary>
/// A diff as readable sections, one JSON object (<c>access</c>: <c>[{change, userId, login, appId, accountId, role,
/// source}]</c>, and <c>userStatus</c>, <c>memberships</c>, <c>appSettings</c>, <c>assignments</c>), or CSV of the
/// access changes.
/// </summary>
internal static class DiffOutput
{
    public static readonly string[] Formats = ["table", "json", "csv"];

    public static void Write(TextWriter output, SyncDiff diff, string format)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(diff);
        switch (format)
        {
            case "json":
                output.WriteLine(JsonText.Of(json => WriteJson(json, diff), indented: true));
                break;
            case "csv":
                output.WriteLine("change,userId,login,appId,appLabel,accountId,role,source");
                foreach (var c in diff.Access)
                {
                    output.WriteLine(Csv.Line([Name(c.Change), c.UserId, c.Login, c.AppId, c.AppLabel, c.AccountId, c.Role, c.Source]));
                }

                break;
            default:
                WriteText(output, diff);
                break;
        }
    }

    private static void WriteText(TextWriter output, SyncDiff diff)
    {
        if (diff.From is null)
        {
            output.WriteLine($"Sync {diff.To.Id} ({When(diff.To)}) is the first sync this file keeps: nothing to compare with yet. The next sync will be compared with it.");
            return;
        }

        output.WriteLine($"Changes from sync {diff.From.Id} ({When(diff.From)}) to sync {diff.To.Id} ({When(diff.To)}):");
        if (!diff.AnythingChanged)
        {
            output.WriteLine("Nothing changed.");
            return;
        }

        Section(output, "Access", diff.Access, c => [Sign(c.Change), c.Login ?? c.UserId, c.AppLabel ?? c.AppId, c.AccountId, c.Role, c.Source], ["", "LOGIN", "APP", "ACCOUNT", "ROLE", "SOURCE"]);
        Section(output, "User status", diff.UserStatus, c => [c.Login ?? c.UserId, $"{c.From} -> {c.To}"], ["LOGIN", "STATUS"]);
        Section(output, "Memberships of groups that grant AWS roles", diff.Memberships, c => [Sign(c.Change), c.GroupName, c.Login ?? c.UserId], ["", "GROUP", "LOGIN"]);
        Section(output, "App settings", diff.AppSettings, c => [c.AppLabel ?? c.AppId, c.Setting, c.From ?? "(none)", c.To ?? "(none)"], ["APP", "SETTING", "FROM", "TO"]);
        Section(output, "Assignments", diff.Assignments, c => [Name(c.Change), c.AppLabel ?? c.AppId, $"{c.PrincipalType} {c.PrincipalName}", c.From ?? "(none)", c.To ?? "(none)"], ["", "APP", "ASSIGNED", "FROM", "TO"]);
        var added = diff.Access.Count(c => c.Change == ChangeKind.Added);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{added} access row(s) added, {diff.Access.Count - added} removed."));
    }

    private static void Section<T>(TextWriter output, string title, IReadOnlyList<T> items, Func<T, IReadOnlyList<string>> cells, IReadOnlyList<string> headers)
    {
        if (items.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"{title} ({items.Count}):");
        TextTable.Write(output, headers, [.. items.Select(cells)]);
    }

    private static void WriteJson(Utf8JsonWriter json, SyncDiff diff)
    {
        json.WriteStartObject();
        Sync(json, "from", diff.From);
        Sync(json, "to", diff.To);
        json.WriteBoolean("accessChanged", diff.AccessChanged);
        json.WriteStartArray("access");
        foreach (var c in diff.Access)
        {
            json.WriteStartObject();
            json.WriteString("change", Name(c.Change));
            json.WriteString("userId", c.UserId);
            json.WriteString("login", c.Login);
            json.WriteString("appId", c.AppId);
            json.WriteString("appLabel", c.AppLabel);
            json.WriteString("accountId", c.AccountId);
            json.WriteString("role", c.Role);
            json.WriteString("source", c.Source);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("userStatus");
        foreach (var c in diff.UserStatus)
        {
            json.WriteStartObject();
            json.WriteString("userId", c.UserId);
            json.WriteString("login", c.Login);
            json.WriteString("from", c.From);
            json.WriteString("to", c.To);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("memberships");
        foreach (var c in diff.Memberships)
        {
            json.WriteStartObject();
            json.WriteString("change", Name(c.Change));
            json.WriteString("groupId", c.GroupId);
            json.WriteString("groupName", c.GroupName);
            json.WriteString("userId", c.UserId);
            json.WriteString("login", c.Login);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("appSettings");
        foreach (var c in diff.AppSettings)
        {
            json.WriteStartObject();
            json.WriteString("appId", c.AppId);
            json.WriteString("appLabel", c.AppLabel);
            json.WriteString("setting", c.Setting);
            json.WriteString("from", c.From);
            json.WriteString("to", c.To);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("assignments");
        foreach (var c in diff.Assignments)
        {
            json.WriteStartObject();
            json.WriteString("change", Name(c.Change));
            json.WriteString("appId", c.AppId);
            json.WriteString("appLabel", c.AppLabel);
            json.WriteString("principalType", c.PrincipalType);
            json.WriteString("principalId", c.PrincipalId);
            json.WriteString("principalName", c.PrincipalName);
            json.WriteString("from", c.From);
            json.WriteString("to", c.To);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Sync(Utf8JsonWriter json, string name, SyncRunSummary? run)
    {
        if (run is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteNumber("syncId", run.Id);
        json.WriteString("startedAt", run.StartedAt);
        json.WriteString("oktaDomain", run.OktaDomain);
        json.WriteEndObject();
    }

    private static string When(SyncRunSummary run) => run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    private static string Sign(ChangeKind change) => change switch
    {
        ChangeKind.Added => "+",
        ChangeKind.Removed => "-",
        _ => "~",
    };

    private static string Name(ChangeKind change) => change switch
    {
        ChangeKind.Added => "added",
        ChangeKind.Removed => "removed",
        _ => "changed",
    };
}
