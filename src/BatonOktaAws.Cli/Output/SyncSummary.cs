using System.Globalization;
using System.Text.Json;
using BatonOktaAws.Cli.Logging;
using BatonOktaAws.Core.Sync;

namespace BatonOktaAws.Cli.Output;

/// <summary>The end of a sync on standard output: a short readable summary of the estate, or one JSON object with <c>--log-format json</c>.</summary>
internal static class SyncSummary
{
    public static void Write(TextWriter output, SyncResult result, LogFormat format, ProcessStats stats)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        if (format == LogFormat.Json)
        {
            WriteJson(output, result, stats);
            return;
        }

        var c = result.Counts;
        output.WriteLine($"Sync {result.SyncId} finished in {result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s{(result.Resumed ? " (resumed)" : string.Empty)}: {result.FilePath}");
        output.WriteLine($"  {result.Apps.Count} AWS app{Plural(result.Apps.Count)}:");
        foreach (var app in result.Apps)
        {
            var where = app.AccountId is { } account ? $"account {account}" : "accounts and roles from group names";
            var status = string.Equals(app.Status, "ACTIVE", StringComparison.OrdinalIgnoreCase) ? string.Empty : $", {app.Status}";
            output.WriteLine($"    {app.Label} ({app.AppId}): {app.Mode}, {where}{status}");
        }

        output.WriteLine($"  {c.Accounts} AWS account{Plural(c.Accounts)}, {c.Users} users, {c.Groups} groups, {c.Entitlements} entitlements, {c.Grants} grants");
        output.WriteLine($"  {c.AccessRows} access rows (who can assume which role, and why): baton-okta-aws access --file {Quote(result.FilePath)}");
        output.WriteLine($"  {result.Requests} requests to Okta");
        if (result.AdminRoles is { } admin)
        {
            output.WriteLine(admin.Reviewed
                ? $"  {AdminHolders(admin)}: who can change AWS access: baton-okta-aws admins --file {Quote(result.FilePath)}"
                : "  admin roles NOT reviewed: the token lacks permission to read them, so who can change AWS access is missing (see the warning below)");
        }

        if (result.History.Kept.Count > 0)
        {
            output.WriteLine($"  the file also keeps sync{Plural(result.History.Kept.Count)} {string.Join(", ", result.History.Kept)}: baton-okta-aws diff --file {Quote(result.FilePath)}");
        }
        else if (result.History.Note is { } note)
        {
            output.WriteLine($"  earlier syncs not kept: {note}");
        }

        if (result.Warnings.Count > 0)
        {
            output.WriteLine($"  {result.Warnings.Count} warning{Plural(result.Warnings.Count)}:");
            foreach (var warning in result.Warnings.Take(10))
            {
                output.WriteLine($"    {warning.Message}");
            }

            if (result.Warnings.Count > 10)
            {
                output.WriteLine($"    … and {result.Warnings.Count - 10} more: baton-okta-aws findings --file {Quote(result.FilePath)}");
            }
        }
    }

    /// <summary>The summary as one JSON object; <paramref name="more"/> may add properties to it.</summary>
    public static void WriteJson(TextWriter output, SyncResult result, ProcessStats stats, Action<Utf8JsonWriter>? more = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stats);
        var c = result.Counts;
        output.WriteLine(JsonText.Of(json =>
        {
            json.WriteStartObject();
            json.WriteString("event", "sync-finished");
            json.WriteString("file", result.FilePath);
            json.WriteNumber("syncId", result.SyncId);
            json.WriteStartArray("apps");
            foreach (var app in result.Apps)
            {
                json.WriteStartObject();
                json.WriteString("appId", app.AppId);
                json.WriteString("appLabel", app.Label);
                json.WriteString("mode", app.Mode);
                json.WriteString("accountId", app.AccountId);
                json.WriteString("status", app.Status);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("users", c.Users);
            json.WriteNumber("groups", c.Groups);
            json.WriteNumber("accounts", c.Accounts);
            json.WriteNumber("entitlements", c.Entitlements);
            json.WriteNumber("grants", c.Grants);
            json.WriteNumber("accessRows", c.AccessRows);
            json.WriteNumber("warnings", c.Warnings);
            json.WriteNumber("syncsKept", result.History.Kept.Count + 1);
            if (result.AdminRoles is { } admin)
            {
                json.WriteStartObject("adminRoles");
                json.WriteBoolean("reviewed", admin.Reviewed);
                json.WriteNumber("assignments", admin.Counts.Assignments);
                json.WriteNumber("users", admin.Counts.Users);
                json.WriteNumber("groups", admin.Counts.Groups);
                json.WriteNumber("customRoles", admin.Counts.CustomRoles);
                json.WriteNumber("resourceSets", admin.Counts.ResourceSets);
                json.WriteEndObject();
            }

            json.WriteNumber("requests", result.Requests);
            json.WriteBoolean("resumed", result.Resumed);
            json.WriteNumber("elapsedSeconds", Math.Round(result.Elapsed.TotalSeconds, 3));
            json.WriteNumber("cpuSeconds", Math.Round(stats.CpuTime.TotalSeconds, 3));
            json.WriteNumber("peakRssBytes", stats.PeakRssBytes);
            more?.Invoke(json);
            json.WriteEndObject();
        }));
    }

    private static string Plural(long count) => count == 1 ? string.Empty : "s";

    /// <summary>"4 users and 1 group hold admin roles (1 custom role, 1 resource set)".</summary>
    private static string AdminHolders(AdminRoleSummary admin)
    {
        var c = admin.Counts;
        var custom = admin.CustomRolesRead ? $" ({c.CustomRoles} custom role{Plural(c.CustomRoles)}, {c.ResourceSets} resource set{Plural(c.ResourceSets)})" : " (custom roles not read)";
        return $"{c.Users} user{Plural(c.Users)} and {c.Groups} group{Plural(c.Groups)} hold admin roles{custom}";
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}
