using System.Globalization;
using BatonOktaAws.Core.Okta.RateLimiting;
using BatonOktaAws.Core.Sync;

namespace BatonOktaAws.Cli.Output;

/// <summary>
/// What a running sync is doing, in sentences a person can read: each Okta list being read (counts against
/// the total when Okta gives one, pages done), requests used, and a countdown while waiting for a rate limit.
/// Fed by <see cref="SyncProgress"/> reports and the client's <see cref="RateLimitWait"/> events from any thread.
/// </summary>
internal sealed class SyncStatus
{
    /// <summary>Buckets named in the share line; a sync spends a handful, the most used first.</summary>
    private const int MaxBucketsShown = 2;

    /// <summary>Lines for the lists, at most: one per list up to this many, else a summary.</summary>
    private const int MaxListsShown = 8;

    private const string ApiPrefix = "/api/v1/";

    private readonly Lock _lock = new();
    private SyncProgress? _progress;
    private RateLimitWait? _wait;

    public void Report(SyncProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        lock (_lock)
        {
            _progress = progress;
        }
    }

    public void Waiting(RateLimitWait wait)
    {
        ArgumentNullException.ThrowIfNull(wait);
        lock (_lock)
        {
            _wait = wait;
        }
    }

    /// <summary>One line per list (or the overall counts while the engine reports no lists), as of <paramref name="now"/>.</summary>
    public IReadOnlyList<string> ListLines()
    {
        var progress = Progress();
        if (progress is null)
        {
            return ["Starting"];
        }

        if (progress.Lists.Count == 0)
        {
            return [Overall(progress)];
        }

        if (progress.Lists.Count <= MaxListsShown)
        {
            return [.. progress.Lists.Select(Describe)];
        }

        // Twenty apps are forty lists and more: show the ones being read (at most a screenful) and sum up the rest.
        var reading = progress.Lists.Where(l => !l.Done).ToList();
        var read = progress.Lists.Where(l => l.Done).ToList();
        var lines = reading.Take(MaxListsShown - 2).Select(Describe).ToList();
        if (reading.Count > MaxListsShown - 2)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"Reading {reading.Count - (MaxListsShown - 2):N0} more lists: {reading.Skip(MaxListsShown - 2).Sum(l => l.Items):N0} items so far"));
        }

        if (read.Count > 0)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"Read {read.Count:N0} of {progress.Lists.Count:N0} lists: {read.Sum(l => l.Items):N0} items in {read.Sum(l => l.Pages):N0} pages"));
        }

        return lines;
    }

    /// <summary>Whether the sync has reported anything yet.</summary>
    public bool HasProgress => Progress() is not null;

    /// <summary>Requests answered so far, as last reported.</summary>
    public long Requests => Progress()?.Requests ?? 0;

    /// <summary>"45 requests to Okta so far".</summary>
    public string RequestsLine() => string.Create(CultureInfo.InvariantCulture, $"{Requests:N0} requests to Okta so far");

    /// <summary>
    /// "Token's share used this window: apps 37 of 50, groups 12 of 300 (+1 more)" (buckets by their path under
    /// /api/v1/, the most used first, at most two so the line fits a terminal) — or null before Okta's headers stated
    /// any limit.
    /// </summary>
    public string? ShareLine()
    {
        var buckets = Progress()?.RateLimits ?? [];
        if (buckets.Count == 0)
        {
            return null;
        }

        var shown = buckets.Take(MaxBucketsShown).Select(b => string.Create(CultureInfo.InvariantCulture, $"{ShortName(b.Bucket)} {b.Used:N0} of {b.TokenShare:N0}"));
        var others = buckets.Count - MaxBucketsShown;
        var more = others > 0 ? string.Create(CultureInfo.InvariantCulture, $" (+{others} more)") : string.Empty;
        return $"Token's share used this window: {string.Join(", ", shown)}{more}";
    }

    private static string ShortName(string bucket) =>
        bucket.StartsWith(ApiPrefix, StringComparison.Ordinal) ? bucket[ApiPrefix.Length..] : bucket;

    /// <summary>The rate-limit wait still running at <paramref name="now"/>, as a countdown, or null.</summary>
    public string? WaitLine(DateTimeOffset now)
    {
        RateLimitWait? wait;
        lock (_lock)
        {
            wait = _wait;
        }

        if (wait is null || wait.Until <= now)
        {
            return null;
        }

        var left = wait.Until - now;
        var clock = left.TotalHours >= 1 ? left.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : left.ToString(@"m\:ss", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"Waiting for Okta's rate limit on {wait.Bucket}: {clock} left, until {wait.Until.ToLocalTime():HH:mm:ss} ({wait.Reason})");
    }

    /// <summary>Everything in one sentence, for a log line.</summary>
    public string Sentence(DateTimeOffset now)
    {
        var lines = ListLines();
        var reading = string.Join("; ", lines);
        return WaitLine(now) is { } wait ? $"{reading}; {char.ToLowerInvariant(wait[0])}{wait[1..]}" : reading;
    }

    private SyncProgress? Progress()
    {
        lock (_lock)
        {
            return _progress;
        }
    }

    private static string Describe(ListProgress list)
    {
        var items = list.TotalItems is { } total
            ? string.Create(CultureInfo.InvariantCulture, $"{list.Items:N0} of {total:N0}")
            : string.Create(CultureInfo.InvariantCulture, $"{list.Items:N0}");
        var pages = list.Pages == 1 ? "1 page" : string.Create(CultureInfo.InvariantCulture, $"{list.Pages:N0} pages");
        return list.Done ? $"Read {list.Description}: {items} in {pages}" : $"Reading {list.Description}: {items} so far, {pages}";
    }

    private static string Overall(SyncProgress progress)
    {
        var groups = progress.GroupsKnown > 0
            ? string.Create(CultureInfo.InvariantCulture, $", members of {progress.GroupsDone:N0} of {progress.GroupsKnown:N0} groups")
            : string.Empty;
        var counts = string.Create(CultureInfo.InvariantCulture, $"{progress.Pages:N0} pages, {progress.AppUsers:N0} app users{groups}");
        return progress.Phase switch
        {
            SyncPhase.ReadingConfiguration => "Reading the AWS app's configuration",
            SyncPhase.Fetching => $"Reading Okta's lists: {counts}",
            SyncPhase.DerivingAccess => $"Working out who can assume which role (read {counts})",
            _ => $"Writing the sync file (read {counts})",
        };
    }
}
