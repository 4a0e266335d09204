using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Paging;
using BatonOktaAws.Store.Model;
using Microsoft.Extensions.Logging;

namespace BatonOktaAws.Core.Sync;

/// <summary>
/// Reads every list the sync needs, concurrently, and hands the pages to one writer through a bounded
/// channel (so a slow disk slows the readers instead of filling memory). The lists: the app's users (with
/// their user objects), its group assignments, the members of each group that matters, in group-mapping
/// mode the groups matching the filter, and with <c>--sync-all-users</c> every user. Lists already finished
/// by an interrupted run are skipped; unfinished ones continue from their checkpointed next page.
/// </summary>
internal sealed class FetchPhase
{
    private readonly OktaClient _client;
    private readonly AwsAppContext _app;
    private readonly SyncOptions _options;
    private readonly IReadOnlyDictionary<string, StreamCheckpoint> _checkpoints;
    private readonly PageSink _sink;
    private readonly ILogger _logger;
    private readonly Action _reportProgress;
    private readonly Channel<SyncPage> _pages = Channel.CreateBounded<SyncPage>(new BoundedChannelOptions(32) { SingleReader = true });
    private readonly Channel<string> _groupsToRead = Channel.CreateUnbounded<string>();
    private readonly HashSet<string> _groupsQueued = new(StringComparer.Ordinal);
    private readonly Lock _queueLock = new();
    private Exception? _firstFailure;

    public FetchPhase(
        OktaClient client,
        AwsAppContext app,
        SyncOptions options,
        IReadOnlyDictionary<string, StreamCheckpoint> checkpoints,
        PageSink sink,
        ILogger logger,
        Action reportProgress)
    {
        _client = client;
        _app = app;
        _options = options;
        _checkpoints = checkpoints;
        _sink = sink;
        _logger = logger;
        _reportProgress = reportProgress;
    }

    public long GroupsQueued
    {
        get
        {
            lock (_queueLock)
            {
                return _groupsQueued.Count;
            }
        }
    }

    /// <param name="knownGroupIds">Groups a resumed run already knows need their members read.</param>
    public async Task RunAsync(IEnumerable<string> knownGroupIds, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = failed.Token;
        foreach (var groupId in knownGroupIds)
        {
            QueueGroup(groupId);
        }

        var writer = Task.Run(() => Guard(failed, () => WriteAllAsync(token)), CancellationToken.None);
        var listers = new List<Task>
        {
            Guard(failed, () => ReadAppUsersAsync(token)),
            Guard(failed, () => ReadGroupSourcesAsync(token)),
        };
        if (_options.SyncAllUsers)
        {
            listers.Add(Guard(failed, () => ReadUsersAsync(SyncStreams.AllUsers, null, token)));
            listers.Add(Guard(failed, () => ReadUsersAsync(SyncStreams.DeprovisionedUsers, "status eq \"DEPROVISIONED\"", token)));
        }

        var memberReaders = Enumerable.Range(0, _client.Options.MaxConcurrentRequests)
            .Select(_ => Guard(failed, () => ReadMembersAsync(token)))
            .ToList();

        try
        {
            await Task.WhenAll(listers.Concat(memberReaders)).ConfigureAwait(false);
            _pages.Writer.Complete();
            await writer.ConfigureAwait(false);
        }
        catch
        {
            // Whatever ended the run (a failure or the caller's cancellation), every part must have stopped
            // before the caller closes the sync file under them.
            await failed.CancelAsync().ConfigureAwait(false);
            _pages.Writer.TryComplete();
            await Task.WhenAll(listers.Concat(memberReaders).Append(writer).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
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

    private async Task WriteAllAsync(CancellationToken cancellationToken)
    {
        await foreach (var page in _pages.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            _sink.Write(page);
            _reportProgress();
        }
    }

    private Task ReadAppUsersAsync(CancellationToken cancellationToken) =>
        ReadStreamAsync(
            SyncStreams.AppUsers,
            from => _client.ListAppUsersAsync(_app.AppId, from, cancellationToken),
            (page, pages, items) => new AppUsersPage(page.Items, page.Next, pages, items),
            cancellationToken);

    /// <summary>
    /// The groups whose members decide access: the app's assigned groups in single-account mode; the groups
    /// matching the filter in group-mapping mode (assigned groups are still recorded, for the app's users).
    /// </summary>
    private async Task ReadGroupSourcesAsync(CancellationToken cancellationToken)
    {
        var singleAccount = _app.Settings.Mode == AwsAppMode.SingleAccount;
        var readAppGroups = ReadStreamAsync(
            SyncStreams.AppGroups,
            from => _client.ListAppGroupAssignmentsAsync(_app.AppId, from, cancellationToken),
            (page, pages, items) =>
            {
                if (singleAccount)
                {
                    foreach (var assignment in page.Items)
                    {
                        QueueGroup(assignment.Id!);
                    }
                }

                return new AppGroupsPage(page.Items, page.Next, pages, items);
            },
            cancellationToken);

        if (singleAccount)
        {
            await readAppGroups.ConfigureAwait(false);
        }
        else
        {
            await Task.WhenAll(readAppGroups, ReadMappedGroupsAsync(cancellationToken)).ConfigureAwait(false);
        }

        // No more groups will be found: member readers finish once the queue drains.
        _groupsToRead.Writer.TryComplete();
    }

    private Task ReadMappedGroupsAsync(CancellationToken cancellationToken)
    {
        var filter = _app.Settings.GroupFilter!;
        var prefix = filter.AnchoredLiteralPrefix();
        var search = prefix is null ? null : $"profile.name sw \"{prefix.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
        if (prefix is null)
        {
            SyncLog.ListingAllGroups(_logger, filter.OktaPattern);
        }
        else
        {
            SyncLog.ListingGroupsByPrefix(_logger, prefix, filter.OktaPattern);
        }

        return ReadStreamAsync(
            SyncStreams.MappedGroups,
            from => _client.ListGroupsAsync(search, from, cancellationToken),
            (page, pages, items) =>
            {
                var matched = new List<(Okta.Models.OktaGroup, AwsAccountId, SamlRole)>();
                foreach (var group in page.Items)
                {
                    if (group.Profile?.Name is { } name && filter.Match(name) is { } mapping)
                    {
                        matched.Add((group, mapping.Account, mapping.Role));
                        QueueGroup(group.Id!);
                    }
                }

                return new MappedGroupsPage(matched, page.Next, pages, items);
            },
            cancellationToken);
    }

    private Task ReadUsersAsync(string stream, string? search, CancellationToken cancellationToken) =>
        ReadStreamAsync(
            stream,
            from => _client.ListUsersAsync(search, from, cancellationToken),
            (page, pages, items) => new UsersPage(stream, page.Items, page.Next, pages, items),
            cancellationToken);

    private async Task ReadMembersAsync(CancellationToken cancellationToken)
    {
        await foreach (var groupId in _groupsToRead.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await ReadStreamAsync(
                SyncStreams.GroupMembers(groupId),
                from => _client.ListGroupMembersAsync(groupId, from, cancellationToken),
                (page, pages, items) => new GroupMembersPage(groupId, page.Items, page.Next, pages, items),
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads one list from its checkpoint (or the start) to its end, sending each page to the writer.</summary>
    private async Task ReadStreamAsync<T>(
        string stream,
        Func<Uri?, IAsyncEnumerable<OktaPage<T>>> list,
        Func<OktaPage<T>, long, long, SyncPage> toPage,
        CancellationToken cancellationToken)
    {
        _checkpoints.TryGetValue(stream, out var checkpoint);
        if (checkpoint is { Done: true })
        {
            return;
        }

        var resumeFrom = checkpoint?.NextUrl is { } next ? new Uri(next) : null;
        if (resumeFrom is not null)
        {
            SyncLog.ResumingStream(_logger, stream, checkpoint!.Pages);
        }

        long pages = checkpoint?.Pages ?? 0, items = checkpoint?.Items ?? 0;
        await foreach (var page in list(resumeFrom).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            pages++;
            items += page.Items.Count;
            await _pages.Writer.WriteAsync(toPage(page, pages, items), cancellationToken).ConfigureAwait(false);
        }
    }

    private void QueueGroup(string groupId)
    {
        lock (_queueLock)
        {
            if (!_groupsQueued.Add(groupId))
            {
                return;
            }
        }

        if (!_groupsToRead.Writer.TryWrite(groupId))
        {
            throw new InvalidOperationException("A group was found after the group lists were complete.");
        }
    }
}
