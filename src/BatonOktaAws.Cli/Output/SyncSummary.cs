using System.Globalization;
using System.Text.Json;
using BatonOktaAws.Cli.Logging;
using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Sync;

namespace BatonOktaAws.Cli.Output;

/// <summary>The end of a sync on standard output: a short readable summary, or one JSON object with <c>--log-format json</c>.</summary>
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
        var mode = result.Mode == AwsAppMode.SingleAccount
            ? $"single-account mode, AWS account {result.AccountId}"
            : "group-mapping mode (accounts and roles from group names)";
        output.WriteLine($"Sync finished in {result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s{(result.Resumed ? " (resumed)" : string.Empty)}: {result.FilePath}");
        output.WriteLine($"  {mode}");
        output.WriteLine($"  {c.Users} users, {c.Groups} groups, {c.Accounts} accounts, {c.Entitlements} entitlements, {c.Grants} grants");
        output.WriteLine($"  {c.AccessRows} access rows (who can assume which role, and why): baton-okta-aws access --file {Quote(result.FilePath)}");
        output.WriteLine($"  {result.Requests} requests to Okta");
        foreach (var warning in result.Warnings)
        {
            output.WriteLine($"  warning: {warning}");
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
            json.WriteString("mode", result.Mode == AwsAppMode.SingleAccount ? "single-account" : "group-mapping");
            json.WriteString("accountId", result.AccountId);
            json.WriteNumber("users", c.Users);
            json.WriteNumber("groups", c.Groups);
            json.WriteNumber("accounts", c.Accounts);
            json.WriteNumber("entitlements", c.Entitlements);
            json.WriteNumber("grants", c.Grants);
            json.WriteNumber("accessRows", c.AccessRows);
            json.WriteNumber("warnings", c.Warnings);
            json.WriteNumber("requests", result.Requests);
            json.WriteBoolean("resumed", result.Resumed);
            json.WriteNumber("elapsedSeconds", Math.Round(result.Elapsed.TotalSeconds, 3));
            json.WriteNumber("cpuSeconds", Math.Round(stats.CpuTime.TotalSeconds, 3));
            json.WriteNumber("peakRssBytes", stats.PeakRssBytes);
            more?.Invoke(json);
            json.WriteEndObject();
        }));
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}
