namespace BatonOktaAws.TestSupport;

/// <summary>
/// A Chromium for tests that look at pages as a browser shows them: the one on the machine (Debian's chromium, or a
/// Chrome a CI image ships), else Debian's chromium installed on the spot. Launched headless with the flags that keep
/// it off the network of a closed machine (no background networking, no component updates, no sync).
/// </summary>
public static class HeadlessChromium
{
    private static readonly string[] Candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    public static IReadOnlyList<string> Arguments { get; } =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-default-apps", "--disable-quic",
    ];

    /// <summary>The browser's executable, installing Debian's chromium when none is found.</summary>
    public static string ExecutablePath()
    {
        if (Find() is { } found)
        {
            return found;
        }

        DebianPackages.EnsureInstalled(DebianTool.ForCommand("chromium"));
        return Find() ?? throw new InvalidOperationException("Debian's chromium was installed but no chromium command is on PATH.");
    }

    private static string? Find() => Candidates.Select(DebianTool.FindOnPath).FirstOrDefault(p => p is not null);
}
