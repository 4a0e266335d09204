using System.Diagnostics;
using System.Globalization;

namespace BatonOktaAws.TestSupport;

/// <summary>
/// Starts a process that a test interrupts with SIGINT, as a terminal's Ctrl-C would. A test run started as a
/// script's background job (<c>cmd &amp;</c>, no job control) inherits SIGINT ignored, and an ignored signal stays
/// ignored across exec: the process would rightly never see it. Then coreutils' <c>env --default-signal=INT</c>
/// restores the default before exec (same process id).
/// </summary>
public static class InterruptibleProcess
{
    public static ProcessStartInfo StartInfo(string fileName, IReadOnlyList<string> arguments) =>
        SigIntIgnoredHere()
            ? new ProcessStartInfo("env", ["--default-signal=INT", fileName, .. arguments])
            : new ProcessStartInfo(fileName, arguments);

    /// <summary>SigIgn in /proc/self/status is a hex mask; bit 1 is signal 2, SIGINT.</summary>
    public static bool SigIntIgnoredHere()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && (ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & 0x2) != 0;
    }
}
