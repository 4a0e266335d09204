using BatonOktaAws.Core.Okta;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Sync.Syncers;

/// <summary>
/// One Okta list the sync reads, as Baton connectors give each resource type its own syncer: it owns its
/// requests and paging (<see cref="ReadAsync"/>, on a reader task), its checkpoint name (<see cref="Stream"/>)
/// and the rows its pages become (<see cref="Write"/>, on the single writer). The fetch phase composes them.
/// </summary>
internal interface IListSyncer
{
    /// <summary>The checkpoint name; unique within a sync.</summary>
    string Stream { get; }

    /// <summary>What is being read, in words, for progress displays (e.g. "app users of 'AWS (prod)'").</summary>
    string Description { get; }

    ListProgress Progress { get; }

    /// <summary>Reads from the checkpoint (or the start) to the end, handing each page to <paramref name="emit"/>.</summary>
    Task ReadAsync(OktaClient client, StreamCheckpoint? checkpoint, Func<SyncPage, CancellationToken, ValueTask> emit, CancellationToken cancellationToken);

    /// <summary>Turns one page into rows; called on the writer, inside the page's transaction.</summary>
    void Write(SyncBatch batch, SyncPage page);
}

/// <summary>One page on its way from a syncer's reader to the writer, with the checkpoint it completes.</summary>
internal sealed record SyncPage(IListSyncer Syncer, object Items, Uri? Next, long PagesSoFar, long ItemsSoFar)
{
    public StreamCheckpoint Checkpoint => new(Syncer.Stream, Next?.ToString(), PagesSoFar, ItemsSoFar, Next is null);
}
