using System.Diagnostics;
using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BatonOktaAws.Core.Sync;

/// <summary>
/// A sync as a pipeline of named phases: read the app's configuration, fetch every list into a partial
/// sync file, derive who can assume which role, then finish (atomic rename). The sync file's lock is held
/// throughout, so two syncs of one file cannot interleave.
/// </summary>
public sealed class SyncEngine
{
    private readonly OktaClient _client;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly IProgress<SyncProgress>? _progress;

    public SyncEngine(OktaClient client, ILoggerFactory? loggerFactory = null, TimeProvider? time = null, IProgress<SyncProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SyncEngine>();
        _time = time ?? TimeProvider.System;
        _progress = progress;
    }

    public async Task<SyncResult> RunAsync(SyncOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        OktaId.Require(options.AppId, "The AWS app id");
        var watch = Stopwatch.StartNew();
        var requestsAtStart = _client.RequestCount;
        var paths = new SyncFilePaths(options.FilePath);
        using var fileLock = SyncFileLock.Acquire(paths);

        Report(SyncPhase.ReadingConfiguration, 0, 0, 0, 0);
        SyncLog.ReadingApp(_logger, options.AppId, _client.Domain);
        var app = await AwsAppLoader.LoadAsync(_client, options.AppId, cancellationToken).ConfigureAwait(false);
        foreach (var warning in app.Warnings)
        {
            SyncLog.AppWarning(_logger, warning.Message);
        }

        SyncLog.AppSettings(_logger, app.App.Label, app.Settings.ModeName, app.Settings.AccountId?.Value ?? "(from group names)", app.Settings.JoinAllRoles, app.SamlRolesUnion);

        var start = new SyncRunStart(options.ToolVersion, _client.Domain.ToString(), options.AppId, _time.GetUtcNow(), options.Fingerprint);
        if (!options.Resume && File.Exists(paths.Partial))
        {
            SyncLog.DiscardingPartial(_logger, paths.Partial);
        }

        using var writer = SyncFileWriter.Start(paths, start, options.Resume);
        if (writer.Resumed)
        {
            SyncLog.Resuming(_logger, paths.Partial);
        }

        try
        {
            var sink = new PageSink(writer, app, options.SkipSecondaryEmails);
            sink.WriteConfiguration();

            var checkpoints = writer.Checkpoints();
            var knownGroups = app.Settings.Mode == AwsAppMode.SingleAccount
                ? writer.AppGroups().Select(g => g.GroupId)
                : writer.MappedGroups().Select(g => g.GroupId);
            FetchPhase? fetch = null;
            fetch = new FetchPhase(_client, app, options, checkpoints, sink, _logger, () =>
                Report(SyncPhase.Fetching, sink.Pages, sink.AppUsers, sink.GroupPagesDone, fetch?.GroupsQueued ?? 0));
            SyncLog.Fetching(_logger);
            await fetch.RunAsync(knownGroups.ToList(), cancellationToken).ConfigureAwait(false);

            SyncLog.Deriving(_logger, sink.AppUsers);
            var derive = new DeriveAccessPhase(writer, app);
            derive.Run(() => Report(SyncPhase.DerivingAccess, sink.Pages, derive.UsersProcessed, 0, 0), cancellationToken);

            Report(SyncPhase.Finishing, sink.Pages, sink.AppUsers, 0, 0);
            var requests = _client.RequestCount - requestsAtStart;
            var warnings = writer.Warnings();
            var counts = writer.Complete(requests, _time.GetUtcNow());
            return new SyncResult(paths.Target, counts, requests, watch.Elapsed, app.Settings.Mode, app.Settings.AccountId?.Value, warnings, writer.Resumed);
        }
        catch
        {
            // Keep the partial file (for --resume) with the requests this attempt spent; the target is untouched.
            TryRecordRequests(writer, _client.RequestCount - requestsAtStart);
            throw;
        }
    }

    private void Report(SyncPhase phase, long pages, long appUsers, long groupsDone, long groupsKnown) =>
        _progress?.Report(new SyncProgress(phase, _client.RequestCount, pages, appUsers, groupsDone, groupsKnown));

    private void TryRecordRequests(SyncFileWriter writer, long requests)
    {
        try
        {
            writer.RecordRequests(requests);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            SyncLog.CouldNotRecordRequests(_logger, ex);
        }
    }
}
