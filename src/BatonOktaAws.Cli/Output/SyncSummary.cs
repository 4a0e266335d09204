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
        var c = result.Counts;
        if (format == LogFormat.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["event"] = "sync-finished",
                ["file"] = result.FilePath,
                ["syncId"] = result.SyncId,
                ["apps"] = result.Apps.Select(a => new Dictionary<string, object?>
                {
                    ["appId"] = a.AppId,
                    ["appLabel"] = a.Label,
                    ["mode"] = a.Mode,
                    ["accountId"] = a.AccountId,
                    ["status"] = a.Status,
                }).ToList(),
                ["users"] = c.Users,
                ["groups"] = c.Groups,
                ["accounts"] = c.Accounts,
                ["entitlements"] = c.Entitlements,
                ["grants"] = c.Grants,
                ["accessRows"] = c.AccessRows,
                ["warnings"] = c.Warnings,
                ["syncsKept"] = result.History.Kept.Count + 1,
                ["requests"] = result.Requests,
                ["resumed"] = result.Resumed,
                ["elapsedSeconds"] = Math.Round(result.Elapsed.TotalSeconds, 3),
                ["cpuSeconds"] = Math.Round(stats.CpuTime.TotalSeconds, 3),
                ["peakRssBytes"] = stats.PeakRssBytes,
            }));
            return;
        }

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

    private static string Plural(long count) => count == 1 ? string.Empty : "s";

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}
