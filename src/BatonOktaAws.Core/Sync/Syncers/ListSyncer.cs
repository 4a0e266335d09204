using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Paging;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Sync.Syncers;

/// <summary>
/// The paging and checkpointing every list shares: continue from a checkpoint's next page, count pages and
/// items, and hand typed pages to the subclass on both sides.
/// </summary>
internal abstract class ListSyncer<T> : IListSyncer
{
    private long _pages;
    private long _items;
    private volatile bool _done;

    public abstract string Stream { get; }

    public abstract string Description { get; }

    /// <summary>Pages and items so far; no total, since Okta's lists do not say how long they are (group sizes, which it does state, are counted against in <see cref="FetchPhase"/>).</summary>
    public ListProgress Progress => new(Description, Interlocked.Read(ref _pages), Interlocked.Read(ref _items), null, _done);

    public async Task ReadAsync(OktaClient client, StreamCheckpoint? checkpoint, Func<SyncPage, CancellationToken, ValueTask> emit, CancellationToken cancellationToken)
    {
        if (checkpoint is { Done: true })
        {
            Interlocked.Exchange(ref _pages, checkpoint.Pages);
            Interlocked.Exchange(ref _items, checkpoint.Items);
            _done = true;
            return;
        }

        var resumeFrom = checkpoint?.NextUrl is { } next ? new Uri(next) : null;
        long pages = checkpoint?.Pages ?? 0, items = checkpoint?.Items ?? 0;
        await foreach (var page in ListAsync(client, resumeFrom, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            pages++;
            items += page.Items.Count;
            OnPageRead(page.Items);
            await emit(new SyncPage(this, page.Items, page.Next, pages, items), cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref _pages, pages);
            Interlocked.Exchange(ref _items, items);
        }

        _done = true;
    }

    public void Write(SyncBatch batch, SyncPage page) => Write(batch, (IReadOnlyList<T>)page.Items);

    protected abstract IAsyncEnumerable<OktaPage<T>> ListAsync(OktaClient client, Uri? resumeFrom, CancellationToken cancellationToken);

    /// <summary>Sees each page on the reader as soon as it arrives (e.g. to queue the groups it names).</summary>
    protected virtual void OnPageRead(IReadOnlyList<T> items)
    {
    }

    protected abstract void Write(SyncBatch batch, IReadOnlyList<T> items);
}
