using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Sync.Syncers;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Sync;

/// <summary>
/// Runs the syncers: every list-finding syncer at once, then member readers that take the groups they find
/// from a queue, each group once. All pages go to one writer through a bounded channel (so a slow disk slows
/// the readers instead of filling memory), which commits whatever pages are waiting together. Lists finished by
/// an interrupted run are skipped; unfinished ones continue from their checkpointed next page. The first failure
/// stops every part before the phase returns.
/// </summary>
internal sealed class FetchPhase
{
    /// <summary>
    /// Pages read but not yet written, at most; readers wait while the writer is this far behind. Few, because a
    /// parsed page of 1,000 users is about a megabyte that lives until it is written (and, waiting long enough,
    /// is promoted to an older GC generation, which costs more to collect).
    /// </summary>
    private const int PageCapacity = 8;

    /// <summary>Pages written in one transaction, at most (<see cref="WriteAllAsync"/>).</summary>
    private const int PagesPerTransaction = 32;

    private readonly OktaClient _client;
    private readonly IReadOnlyDictionary<string, StreamCheckpoint> _checkpoints;
    private readonly Channel<SyncPage> _pages = Channel.CreateBounded<SyncPage>(new BoundedChannelOptions(PageCapacity) { SingleReader = true });
    private readonly ConcurrentQueue<IListSyncer> _memberSyncers = new();
    private IReadOnlyList<IListSyncer> _finders = [];
    private Exception? _firstFailure;

    public FetchPhase(OktaClient client, IReadOnlyDictionary<string, StreamCheckpoint> checkpoints)
    {
        _client = client;
        _checkpoints = checkpoints;
    }

    public GroupMemberQueue Members { get; } = new();

    /// <summary>Group sizes as Okta states them, when a list told them, to count members against.</summary>
    public GroupSizes GroupSizes { get; } = new();

    /// <summary>
    /// The lists read so far: the group member lists as one line (hundreds of groups would drown a display), then
    /// each finding syncer.
    /// </summary>
    public IReadOnlyList<ListProgress> Progress()
    {
        var lists = _finders.Select(s => s.Progress).ToList();
        var members = _memberSyncers.Select(s => s.Progress).ToList();
        var queued = Members.Queued();
        if (queued.Count > 0)
        {
            var done = members.Count(m => m.Done);
            var items = members.Sum(m => m.Items);

            // First: the largest piece of work, which a display that sums up many lists must still show.
            lists.Insert(0, new ListProgress(
                $"members of {queued.Count} group{(queued.Count == 1 ? string.Empty : "s")} ({done} done)",
                members.Sum(m => m.Pages),
                items,
                GroupSizes.TotalOf(queued) is { } total ? Math.Max(total, items) : null,
                done == queued.Count && _finders.All(f => f.Progress.Done)));
        }

        return lists;
    }

    public (long Done, long Known) GroupCounts() => (_memberSyncers.Count(s => s.Progress.Done), Members.Count);

    /// <param name="finders">Syncers of lists that do not depend on others (apps' users and groups, mapped groups, users).</param>
    /// <param name="memberSyncer">Makes the syncer of one group's members.</param>
    /// <param name="write">
    /// Writes pages, in the order they were read, in one transaction (on the single writer task); the pages come as
    /// they are taken from the readers, so enumerate them once, writing each as it comes.
    /// </param>
    public async Task RunAsync(
        IReadOnlyList<IListSyncer> finders,
        Func<string, IListSyncer> memberSyncer,
        Action<IEnumerable<SyncPage>> write,
        CancellationToken cancellationToken)
    {
        _finders = finders;
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = failed.Token;
        var writer = Task.Run(() => Guard(failed, () => WriteAllAsync(write, token)), CancellationToken.None);
        var readers = finders.Select(s => Guard(failed, () => ReadAsync(s, token))).ToList();
        var findersDone = Task.WhenAll(readers).ContinueWith(_ => Members.Complete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var memberReaders = Enumerable.Range(0, _client.Options.MaxConcurrentRequests)
            .Select(_ => Guard(failed, () => ReadMembersAsync(memberSyncer, token)))
            .ToList();
        var all = readers.Concat(memberReaders).ToList();
        try
        {
            await Task.WhenAll(all).ConfigureAwait(false);
            await findersDone.ConfigureAwait(false);
            _pages.Writer.Complete();
            await writer.ConfigureAwait(false);
        }
        catch
        {
            // Whatever ended the run (a failure or the caller's cancellation), every part must have stopped
            // before the caller closes the sync file under them.
            await failed.CancelAsync().ConfigureAwait(false);
            Members.Complete();
            _pages.Writer.TryComplete();
            await Task.WhenAll(all.Append(writer).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
            if (_firstFailure is not null)
            {
                ExceptionDispatchInfo.Throw(_firstFailure);
            }

            throw;
        }
    }

    /// <summary>Runs one part; the first real failure cancels the rest, and is what the sync reports.</summary>
    private async Task Guard(CancellationTokenSource failed, Func<Task> part)
    {
        try
        {
            await part().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !failed.IsCancellationRequested)
        {
            Interlocked.CompareExchange(ref _firstFailure, ex, null);
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Hands the writer the pages waiting, and those that arrive while it writes them, as one transaction (up to
    /// <see cref="PagesPerTransaction"/>): each commit writes every database page it touched to the write-ahead
    /// log, and pages of one list touch the same ones. Each page is handed over as it is taken from the channel, so
    /// a transaction of many pages never holds more than one of them in memory. When the readers are slower than
    /// the writer, each page still commits as it comes.
    /// </summary>
    private async Task WriteAllAsync(Action<IEnumerable<SyncPage>> write, CancellationToken cancellationToken)
    {
        while (await _pages.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            write(TakeWaiting());
        }
    }

    private IEnumerable<SyncPage> TakeWaiting()
    {
        for (var taken = 0; taken < PagesPerTransaction && _pages.Reader.TryRead(out var page); taken++)
        {
            yield return page;
        }
    }

    private Task ReadAsync(IListSyncer syncer, CancellationToken cancellationToken)
    {
        _checkpoints.TryGetValue(syncer.Stream, out var checkpoint);
        return syncer.ReadAsync(_client, checkpoint, (page, ct) => _pages.Writer.WriteAsync(page, ct), cancellationToken);
    }

    private async Task ReadMembersAsync(Func<string, IListSyncer> memberSyncer, CancellationToken cancellationToken)
    {
        await foreach (var groupId in Members.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var syncer = memberSyncer(groupId);
            _memberSyncers.Enqueue(syncer);
            await ReadAsync(syncer, cancellationToken).ConfigureAwait(false);
        }
    }
}
