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
        var c = result.Counts;
        if (format == LogFormat.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["event"] = "sync-finished",
                ["file"] = result.FilePath,
                ["mode"] = result.Mode == AwsAppMode.SingleAccount ? "single-account" : "group-mapping",
                ["accountId"] = result.AccountId,
                ["users"] = c.Users,
                ["groups"] = c.Groups,
                ["accounts"] = c.Accounts,
                ["entitlements"] = c.Entitlements,
                ["grants"] = c.Grants,
                ["accessRows"] = c.AccessRows,
                ["warnings"] = c.Warnings,
                ["requests"] = result.Requests,
                ["resumed"] = result.Resumed,
                ["elapsedSeconds"] = Math.Round(result.Elapsed.TotalSeconds, 3),
                ["cpuSeconds"] = Math.Round(stats.CpuTime.TotalSeconds, 3),
                ["peakRssBytes"] = stats.PeakRssBytes,
            }));
            return;
        }

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

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}
