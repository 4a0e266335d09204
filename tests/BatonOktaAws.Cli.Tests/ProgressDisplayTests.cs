using System.Text.RegularExpressions;
using BatonOktaAws.Cli.Logging;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Cli.Output;
using BatonOktaAws.Core.Okta.RateLimiting;
using BatonOktaAws.Core.Sync;
using BatonOktaAws.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OktaSimulator.Fixtures;
using Serilog.Events;

namespace BatonOktaAws.Cli.Tests;

/// <summary>The live display on a terminal and the ten-second log lines elsewhere.</summary>
public sealed partial class ProgressDisplayTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static SyncProgress Lists(params ListProgress[] lists) => new(SyncPhase.Fetching, 45, 7, 1_200, 0, 0) { Lists = lists };

    [Fact]
    public void LiveDisplay_ListsAndARateLimitWait_ShowsCountsAgainstTotalsAndCountsDownToUntil()
    {
        var time = new FakeTimeProvider(Start);
        using var error = new StringWriter();
        var terminal = new LiveConsole(error);
        using (var display = new ProgressDisplay(new SyncStatus(), time, NullLogger(), terminal))
        {
            display.Report(Lists(
                new ListProgress("app users of AWS (prod)", 3, 1_200, 5_000, false),
                new ListProgress("group assignments of AWS (prod)", 1, 42, null, true)));
            display.Status.Waiting(new RateLimitWait("/api/v1/users", Start.AddSeconds(42), "Okta answered 429"));
            display.Refresh();
            time.Advance(TimeSpan.FromSeconds(10));
            display.Refresh();
            time.Advance(TimeSpan.FromSeconds(40));
            display.Refresh();
        }

        var frames = Plain(error.ToString());
        Assert.Contains("Reading app users of AWS (prod): 1,200 of 5,000 so far, 3 pages", frames, StringComparison.Ordinal);
        Assert.Contains("Read group assignments of AWS (prod): 42 in 1 page", frames, StringComparison.Ordinal);
        Assert.Contains("45 requests to Okta so far", frames, StringComparison.Ordinal);
        var first = frames.IndexOf("Waiting for Okta's rate limit on /api/v1/users: 0:42 left", StringComparison.Ordinal);
        var second = frames.IndexOf("Waiting for Okta's rate limit on /api/v1/users: 0:32 left", StringComparison.Ordinal);
        Assert.True(first >= 0 && second > first, frames);
        Assert.Contains("(Okta answered 429)", frames, StringComparison.Ordinal);
        // Past Until the countdown is gone from the last frame.
        Assert.DoesNotContain("Waiting", frames[frames.LastIndexOf("45 requests", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public void LiveDisplay_EngineReportsNoLists_ShowsTheOverallCounts()
    {
        using var error = new StringWriter();
        using (var display = new ProgressDisplay(new SyncStatus(), new FakeTimeProvider(Start), NullLogger(), new LiveConsole(error)))
        {
            display.Report(new SyncProgress(SyncPhase.Fetching, 30, 12, 1_300, 4, 10));
            display.Refresh();
        }

        Assert.Contains("Reading Okta's lists: 12 pages, 1,300 app users, members of 4 of 10 groups", Plain(error.ToString()), StringComparison.Ordinal);
    }

    [Fact]
    public void LiveDisplay_LogLinesWrittenMeanwhile_ArePrintedWholeAboveTheDisplayAfterErasingIt()
    {
        using var error = new StringWriter();
        var terminal = new LiveConsole(error);
        using var loggers = LoggingOptions.CreateFactory(error, LogFormat.Console, LogEventLevel.Information, terminal);
        var logger = loggers.CreateLogger("test");
        using (var display = new ProgressDisplay(new SyncStatus(), new FakeTimeProvider(Start), logger, terminal))
        {
            display.Report(Lists(new ListProgress("members of AWS Developers", 9, 9_000, 20_000, false)));
            display.Refresh();
            LogSomething(logger, "short");
            display.Refresh();
            LogSomething(logger, "second");
        }

        var output = error.ToString();
        // Each log line starts by erasing the display below the cursor and ends with its own newline.
        Assert.Matches(new Regex(@"\u001b\[0J\d\d:\d\d:\d\d INF Log line short\r?\n"), output);
        Assert.Matches(new Regex(@"\u001b\[0J\d\d:\d\d:\d\d INF Log line second\r?\n"), output);
        Assert.Contains("Reading members of AWS Developers: 9,000 of 20,000 so far, 9 pages", Plain(output), StringComparison.Ordinal);
    }

    [Fact]
    public void LoggedProgress_NotATerminal_LogsOneSentenceEveryTenSeconds()
    {
        var time = new FakeTimeProvider(Start);
        using var error = new StringWriter();
        using var loggers = LoggingOptions.CreateFactory(error, LogFormat.Console, LogEventLevel.Information);
        using (var display = new ProgressDisplay(new SyncStatus(), time, loggers.CreateLogger("test"), terminal: null))
        {
            var progress = Lists(new ListProgress("app users of AWS (prod)", 3, 1_200, null, false));
            display.Report(progress);
            time.Advance(TimeSpan.FromSeconds(9));
            display.Report(progress);
            display.Status.Waiting(new RateLimitWait("/api/v1/apps", Start.AddSeconds(40), "this token's share of the window is spent"));
            display.Report(progress);
            time.Advance(TimeSpan.FromSeconds(1));
            display.Report(progress);
        }

        var line = Assert.Single(CliRun.Lines(error.ToString()));
        Assert.EndsWith(
            "INF Sync progress: Reading app users of AWS (prod): 1,200 so far, 3 pages; waiting for Okta's rate limit on /api/v1/apps: 0:30 left, until "
            + Start.AddSeconds(40).ToLocalTime().ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)
            + " (this token's share of the window is spent); 45 requests to Okta so far",
            line,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Fetching", line, StringComparison.Ordinal);
        Assert.DoesNotContain("False", line, StringComparison.Ordinal);
    }

    [Fact]
    public void LoggedProgress_LongRateLimitWaitWithNoReports_StillLogsEveryTenSecondsWithTheCountdown()
    {
        var time = new FakeTimeProvider(Start);
        using var error = new StringWriter();
        using var loggers = LoggingOptions.CreateFactory(error, LogFormat.Console, LogEventLevel.Information);
        using (var display = new ProgressDisplay(new SyncStatus(), time, loggers.CreateLogger("test"), terminal: null))
        {
            display.Report(Lists(new ListProgress("app users of AWS (prod)", 3, 1_200, null, false)));
            display.Status.Waiting(new RateLimitWait("/api/v1/apps", Start.AddSeconds(45), "this token's share of the window is spent"));

            // The sync reports nothing while it waits; the display's own ten-second timer still logs.
            time.Advance(TimeSpan.FromSeconds(10));
            time.Advance(TimeSpan.FromSeconds(10));
            time.Advance(TimeSpan.FromSeconds(10));
        }

        var lines = CliRun.Lines(error.ToString());
        Assert.Equal(3, lines.Length);
        Assert.Contains("on /api/v1/apps: 0:35 left", lines[0], StringComparison.Ordinal);
        Assert.Contains("on /api/v1/apps: 0:25 left", lines[1], StringComparison.Ordinal);
        Assert.Contains("on /api/v1/apps: 0:15 left", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void LoggedProgress_FortyListsOfTwentyApps_ShowsTheListsBeingReadAndSumsUpTheRest()
    {
        var time = new FakeTimeProvider(Start);
        using var error = new StringWriter();
        using var loggers = LoggingOptions.CreateFactory(error, LogFormat.Console, LogEventLevel.Information);
        var lists = Enumerable.Range(1, 20).SelectMany(i => new[]
        {
            new ListProgress($"users of 'AWS {i}'", 2, 700, null, i <= 12),
            new ListProgress($"groups assigned to 'AWS {i}'", 1, 30, null, i <= 15),
        }).ToArray();
        using (var display = new ProgressDisplay(new SyncStatus(), time, loggers.CreateLogger("test"), terminal: null))
        {
            display.Report(Lists(lists));
            time.Advance(TimeSpan.FromSeconds(10));
        }

        // Six of the thirteen lists being read, the other seven summed up, and the twenty-seven read in one clause.
        var line = Assert.Single(CliRun.Lines(error.ToString()));
        Assert.Contains(
            "Sync progress: Reading users of 'AWS 13': 700 so far, 2 pages; Reading users of 'AWS 14': 700 so far, 2 pages; "
            + "Reading users of 'AWS 15': 700 so far, 2 pages; Reading users of 'AWS 16': 700 so far, 2 pages; "
            + "Reading groups assigned to 'AWS 16': 30 so far, 1 page; Reading users of 'AWS 17': 700 so far, 2 pages; "
            + "Reading 7 more lists: 2,220 items so far; Read 27 of 40 lists: 8,850 items in 39 pages; 45 requests to Okta so far",
            line,
            StringComparison.Ordinal);
        Assert.True(line.Length < 800, $"{line.Length} characters");
    }

    [Fact]
    public void Display_BucketsWithHeaders_ShowTheTokensShareUsedOnTheTerminalAndInTheLogLine()
    {
        var time = new FakeTimeProvider(Start);
        var progress = Lists(new ListProgress("members of 3 groups (1 done)", 2, 1_500, 2_400, false)) with
        {
            RateLimits =
            [
                new RateLimitUse("/api/v1/apps", 37, 50, Start.AddSeconds(20)),
                new RateLimitUse("/api/v1/groups", 12, 300, Start.AddSeconds(20)),
                new RateLimitUse("/api/v1/users", 1, 300, Start.AddSeconds(20)),
            ],
        };
        using var error = new StringWriter();
        using (var display = new ProgressDisplay(new SyncStatus(), time, NullLogger(), new LiveConsole(error)))
        {
            display.Report(progress);
            display.Refresh();
        }

        using var logged = new StringWriter();
        using var loggers = LoggingOptions.CreateFactory(logged, LogFormat.Console, LogEventLevel.Information);
        using (var display = new ProgressDisplay(new SyncStatus(), time, loggers.CreateLogger("test"), terminal: null))
        {
            display.Report(progress);
            time.Advance(TimeSpan.FromSeconds(10));
        }

        var frames = Plain(error.ToString());
        Assert.Contains("Reading members of 3 groups (1 done): 1,500 of 2,400 so far, 2 pages", frames, StringComparison.Ordinal);
        Assert.Contains("Token's share used this window: apps 37 of 50, groups 12 of 300 (+1 more)", frames, StringComparison.Ordinal);
        Assert.EndsWith(
            "45 requests to Okta so far; token's share used this window: apps 37 of 50, groups 12 of 300 (+1 more)",
            Assert.Single(CliRun.Lines(logged.ToString())),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_OnATerminal_DrawsTheLiveDisplayAndKeepsEveryLogLineWhole()
    {
        using var temp = new TempDirectory();
        await using var simulator = await TestSimulator.StartAsync(OrgGenerator.Generate(TestShapes.SeveralPages));

        var result = await CliRun.RunOnTerminalAsync(CliRun.Variables(simulator, temp.File("sync.db")), "sync", "--log-level", "debug");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(" finished in ", result.Out, StringComparison.Ordinal);
        var plain = Plain(result.Error);
        Assert.Contains("requests to Okta so far", plain, StringComparison.Ordinal);
        // Okta's group stats give each group's size, so members count against a total; its headers give the share.
        Assert.Matches(new Regex(@"members of \d+ groups \(\d+ done\): [\d,]+ of [\d,]+"), plain);
        Assert.Matches(new Regex(@"Token's share used this window: \w+ [\d,]+ of [\d,]+"), plain);
        var logLines = LogLineStart().Matches(result.Error);
        Assert.True(logLines.Count > 10);
        Assert.All(logLines, m => Assert.Matches(new Regex(@"^\d\d:\d\d:\d\d (INF|DBG|WRN) [^\u001b]+$"), m.Groups["line"].Value));
    }

    /// <summary>The text a terminal would keep, roughly: escape sequences and carriage returns removed.</summary>
    private static string Plain(string output) => Escape().Replace(output, string.Empty).Replace("\r", "\n", StringComparison.Ordinal);

    private static Microsoft.Extensions.Logging.Abstractions.NullLogger NullLogger() => Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    private static void LogSomething(ILogger logger, string what) => Log(logger, what);

    [LoggerMessage(Level = LogLevel.Information, Message = "Log line {What:l}")]
    private static partial void Log(ILogger logger, string what);

    [GeneratedRegex(@"\u001b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex Escape();

    /// <summary>A log line as written during the live display: after the erase, up to its newline.</summary>
    [GeneratedRegex(@"\u001b\[0J(?<line>[^\n]*?)\r?\n")]
    private static partial Regex LogLineStart();
}
