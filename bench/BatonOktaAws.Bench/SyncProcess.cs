using System.Diagnostics;
using System.Text.Json;

namespace BatonOktaAws.Bench;

/// <summary>What one <c>baton-okta-aws sync</c> process reported and cost.</summary>
internal sealed record SyncRun(int ExitCode, TimeSpan Wall, double CpuSeconds, long PeakRssBytes, string Stderr);

/// <summary>Runs the real command line as its own process, as cron would.</summary>
internal static class SyncProcess
{
    public static async Task<SyncRun> RunAsync(string domain, string token, string appId, string file, int concurrency)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "baton-okta-aws.dll");
        var start = new ProcessStartInfo("dotnet", [cli, "sync", "--file", file, "--log-format", "json", "--log-level", "warn", "--concurrency", concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["BATON_DOMAIN"] = domain;
        start.Environment["BATON_API_TOKEN"] = token;
        start.Environment["BATON_AWS_OKTA_APP_ID"] = appId;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        watch.Stop();
        var output = await stdout;
        double cpu = 0;
        long rss = 0;
        if (process.ExitCode == 0)
        {
            using var summary = JsonDocument.Parse(output);
            cpu = summary.RootElement.GetProperty("cpuSeconds").GetDouble();
            rss = summary.RootElement.GetProperty("peakRssBytes").GetInt64();
        }

        return new SyncRun(process.ExitCode, watch.Elapsed, cpu, rss, await stderr);
    }
}
