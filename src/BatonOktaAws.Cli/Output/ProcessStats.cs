using System.Diagnostics;
using System.Globalization;

namespace BatonOktaAws.Cli.Output;

/// <summary>This process's peak resident memory and CPU time, reported with a sync for the benchmark.</summary>
internal sealed record ProcessStats(long PeakRssBytes, TimeSpan CpuTime)
{
    public static ProcessStats Capture()
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessStats(PeakRss(process), process.TotalProcessorTime);
    }

    private static long PeakRss(Process process)
    {
        // VmHWM is the kernel's high-water mark of resident memory; PeakWorkingSet64 elsewhere.
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    if (long.TryParse(kb, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                    {
                        return value * 1024;
                    }
                }
            }
        }

        return process.PeakWorkingSet64;
    }
}
