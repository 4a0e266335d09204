using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Sync;
using BatonOktaAws.Core.Sync.Syncers;
using BatonOktaAws.Store;

namespace BatonOktaAws.Core.Tests.Sync;

/// <summary>
/// How pages reach the writer. The reader here is a scripted list (no Okta is asked), because what is under test
/// is the hand-over between readers and the writer, which a real server's timing cannot pin down.
/// </summary>
public sealed class FetchPhaseTests
{
    [Fact]
    public async Task RunAsync_WriterBehindTheReaders_GetsTheWaitingPagesInOneCallInOrder()
    {
        using var client = new OktaClient(OktaDomain.Parse("acme.okta.com"), OktaApiToken.Parse("00Unused-Token-ZZ31"), new OktaClientOptions());
        var list = new ScriptedList(pages: 80);
        var phase = new FetchPhase(client, new Dictionary<string, Store.Model.StreamCheckpoint>());
        var calls = new List<List<long>>();
        var readerBlocked = false;

        await phase.RunAsync(
            [list],
            _ => throw new InvalidOperationException("No group is queued."),
            waiting =>
            {
                calls.Add([.. waiting.Select(p => p.PagesSoFar)]);
                if (calls.Count == 1)
                {
                    // Hold the writer on the first page until the reader has filled the channel behind it (8 pages).
                    list.WriterHasFirstPage.Set();
                    Assert.True(list.Emitted(9).Wait(TimeSpan.FromSeconds(30)));
                    readerBlocked = !list.Emitted(10).IsSet;
                }
            },
            CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(readerBlocked, "The reader ran more than 8 pages ahead of the writer.");
        Assert.Equal([1], calls[0]);
        Assert.Equal(Enumerable.Range(2, 8).Select(i => (long)i), calls[1].Take(8));
        Assert.All(calls, c => Assert.InRange(c.Count, 1, 32));
        Assert.Equal(Enumerable.Range(1, 80).Select(i => (long)i), calls.SelectMany(c => c));
    }

    /// <summary>A list of numbered, empty pages; after the first, waits for the writer to take it; tells when a given number are in the writer's channel.</summary>
    private sealed class ScriptedList(int pages) : IListSyncer
    {
        private readonly Dictionary<int, ManualResetEventSlim> _emitted = [];

        public ManualResetEventSlim WriterHasFirstPage { get; } = new();

        public string Stream => "scripted";

        public string Description => "a scripted list";

        public ListProgress Progress => new(Description, 0, 0, null, false);

        public ManualResetEventSlim Emitted(int count)
        {
            lock (_emitted)
            {
                return _emitted.TryGetValue(count, out var signal) ? signal : _emitted[count] = new ManualResetEventSlim();
            }
        }

        public async Task ReadAsync(OktaClient client, Store.Model.StreamCheckpoint? checkpoint, Func<SyncPage, CancellationToken, ValueTask> emit, CancellationToken cancellationToken)
        {
            for (var page = 1; page <= pages; page++)
            {
                await emit(new SyncPage(this, Array.Empty<object>(), page < pages ? new Uri($"https://acme.okta.com/next/{page}") : null, page, 0), cancellationToken);
                Emitted(page).Set();
                if (page == 1)
                {
                    Assert.True(WriterHasFirstPage.Wait(TimeSpan.FromSeconds(30), cancellationToken));
                }
            }
        }

        public void Write(SyncBatch batch, SyncPage page) => throw new InvalidOperationException("The test's writer does not write.");
    }
}
