using System.Collections.Concurrent;

namespace OktaSimulator.Http;

/// <summary>One API request the simulator answered.</summary>
public sealed record RequestLogEntry(
    long Sequence,
    DateTimeOffset Timestamp,
    string Method,
    string Path,
    string Query,
    string? Endpoint,
    string Bucket,
    int Status,
    FaultKind Fault,
    string? RetryFor,
    string? RetryCount,
    string? UserAgent)
{
    /// <summary>The endpoint template with the method, e.g. <c>GET /api/v1/apps/{appId}/users</c>.</summary>
    public string EndpointKey => $"{Method} {Endpoint ?? Path}";

    public bool IsWrite => Method is not ("GET" or "HEAD");
}

/// <summary>Every API request answered, in order, with counters per endpoint and per status.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RequestLogEntry> _entries = new();
    private long _sequence;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Add(RequestLogEntry entry) => _entries.Enqueue(entry);

    public IReadOnlyList<RequestLogEntry> Entries => [.. _entries.OrderBy(e => e.Sequence)];

    public int Count => _entries.Count;

    public void Clear() => _entries.Clear();

    public IReadOnlyDictionary<string, int> CountByEndpoint() =>
        _entries.GroupBy(e => e.EndpointKey).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public IReadOnlyDictionary<int, int> CountByStatus() =>
        _entries.GroupBy(e => e.Status).ToDictionary(g => g.Key, g => g.Count());

    public IReadOnlyDictionary<string, int> CountByBucket() =>
        _entries.GroupBy(e => e.Bucket).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
