using System.Threading.Channels;

namespace BatonOktaAws.Core.Sync.Syncers;

/// <summary>
/// The groups whose members the sync must read, each once however many apps or filters name it. Syncers that
/// find groups add them; member readers take them until every finder is done.
/// </summary>
internal sealed class GroupMemberQueue
{
    private readonly Channel<string> _channel = Channel.CreateUnbounded<string>();
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _queued.Count;
            }
        }
    }

    /// <summary>The groups queued so far, in no particular order.</summary>
    public IReadOnlyList<string> Queued()
    {
        lock (_lock)
        {
            return [.. _queued];
        }
    }

    /// <summary>Queues the group unless it already was.</summary>
    public void Add(string groupId)
    {
        lock (_lock)
        {
            if (!_queued.Add(groupId))
            {
                return;
            }
        }

        if (!_channel.Writer.TryWrite(groupId))
        {
            throw new InvalidOperationException($"Group {groupId} was found after every group list was complete.");
        }
    }

    /// <summary>No more groups will be found: readers finish once the queue drains.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    public IAsyncEnumerable<string> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
