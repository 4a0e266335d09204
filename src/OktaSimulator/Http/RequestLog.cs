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
    private readonly Lock _changing = new();
    private readonly WaitableCount _count = new();
    private long _sequence;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>Logs a request as its answer starts, or once it is over without one (a reset, a client that gave up).</summary>
    public void Add(RequestLogEntry entry)
    {
        lock (_changing)
        {
            _entries.Enqueue(entry);
            _count.Set(_entries.Count);
        }
    }

    public IReadOnlyList<RequestLogEntry> Entries => [.. _entries.OrderBy(e => e.Sequence)];

    public int Count => _entries.Count;

    public void Clear()
    {
        lock (_changing)
        {
            _entries.Clear();
            _count.Set(0);
        }
    }

    /// <summary>
    /// Completes when the log holds at least <paramref name="count"/> entries (at once if it already does). A
    /// request that got an answer is in the log before the client sees any of it; one that got none (a reset
    /// connection, a client that gave up) is logged a moment after the client knows, so await this for those
    /// and for the requests of a client the test does not wait on, rather than poll <see cref="Count"/>.
    /// </summary>
    public Task WhenCountAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return _count.WhenAtLeastAsync(count, cancellationToken);
    }

    public IReadOnlyDictionary<string, int> CountByEndpoint() =>
        _entries.GroupBy(e => e.EndpointKey).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public IReadOnlyDictionary<int, int> CountByStatus() =>
        _entries.GroupBy(e => e.Status).ToDictionary(g => g.Key, g => g.Count());

    public IReadOnlyDictionary<string, int> CountByBucket() =>
        _entries.GroupBy(e => e.Bucket).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
