using System.Diagnostics;
using System.Text.Json;

namespace BatonOktaAws.Bench;

/// <summary>What one <c>baton-okta-aws sync</c> process reported and cost, and the machine's load when it started.</summary>
internal sealed record SyncRun(int ExitCode, TimeSpan Wall, double CpuSeconds, long PeakRssBytes, string Stderr, double LoadAverage);

/// <summary>Runs the real command line as its own process, as cron would: its CPU and memory are its own, not the simulator's.</summary>
internal static class SyncProcess
{
    /// <param name="cli">The <c>baton-okta-aws.dll</c> to run with <c>dotnet</c> (another build's, to compare before and after), or a native executable.</param>
    /// <param name="apps">The <c>--aws-okta-app-id</c> value: one app id, or <c>all</c>.</param>
    /// <param name="extraArgs">More sync flags, e.g. page sizes.</param>
    public static async Task<SyncRun> RunAsync(string cli, string domain, string token, string apps, string file, IReadOnlyList<string> extraArgs)
    {
        string[] arguments = ["sync", "--file", file, "--log-format", "json", "--log-level", "warn", .. extraArgs];
        var start = cli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new ProcessStartInfo("dotnet", [cli, .. arguments])
            : new ProcessStartInfo(cli, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["BATON_DOMAIN"] = domain;
        start.Environment["BATON_API_TOKEN"] = token;
        start.Environment["BATON_AWS_OKTA_APP_ID"] = apps;
        var load = LoadAverage();
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

        return new SyncRun(process.ExitCode, watch.Elapsed, cpu, rss, await stderr, load);
    }

    /// <summary>The one-minute load average (the machine is shared: every number is noted with it), or NaN off Linux.</summary>
    public static double LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path)
            ? double.Parse(File.ReadAllText(path).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)
            : double.NaN;
    }
}
