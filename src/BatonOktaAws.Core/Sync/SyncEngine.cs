using System.Diagnostics;
using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Sync.Syncers;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BatonOktaAws.Core.Sync;

/// <summary>
/// A sync as a pipeline of named phases: check the target, discover the AWS apps and read their configuration,
/// fetch every list into a partial sync file (one syncer per Okta list), derive who can assume which role
/// through each app, then finish (earlier syncs carried over, atomic rename). The sync file's lock is held
/// throughout, so two runs on one file cannot interleave.
/// </summary>
public sealed class SyncEngine
{
    private readonly OktaClient _client;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly IProgress<SyncProgress>? _progress;
    private IReadOnlyList<AppUsersSyncer> _appUserLists = [];

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
        ArgumentOutOfRangeException.ThrowIfLessThan(options.KeepSyncs, 1);
        var watch = Stopwatch.StartNew();
        var requestsAtStart = _client.RequestCount;
        var paths = new SyncFilePaths(options.FilePath);

        // Nothing is asked of Okta until the file can be written.
        SyncTarget.Check(paths, options.Force);
        using var fileLock = SyncFileLock.Acquire(paths);

        Report(SyncPhase.ReadingConfiguration, null);
        SyncLog.Discovering(_logger, options.Apps, _client.Domain);
        var apps = await DiscoverAsync(options.Apps, cancellationToken).ConfigureAwait(false);

        var start = new SyncRunStart(options.ToolVersion, _client.Domain.ToString(), options.Apps.ToString(), _time.GetUtcNow(), options.Fingerprint);
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
            var checkpoints = writer.Checkpoints();
            if (!writer.Resumed)
            {
                WriteConfiguration(writer, apps.Contexts, apps.Warnings);
            }

            var fetch = new FetchPhase(_client, checkpoints);
            foreach (var groupId in GroupsKnownFrom(writer, apps.Contexts).Concat(writer.AdminRoleGroups()).Distinct(StringComparer.Ordinal))
            {
                fetch.Members.Add(groupId);
            }

            SyncLog.Fetching(_logger, apps.Contexts.Count);
            var pages = 0L;
            var finders = Finders(apps.Contexts, options, fetch.Members);
            finders.AddRange(AdminRoleLists(options, fetch.Members, fetch.GroupSizes, new AdminRoleReview(writer.Warnings())));
            _appUserLists = [.. finders.OfType<AppUsersSyncer>()];
            await fetch.RunAsync(
                finders,
                groupId => new GroupMembersSyncer(groupId, options.SkipSecondaryEmails),
                waiting =>
                {
                    // Each page commits with its checkpoint, so a resumed sync continues after the last page written.
                    using var batch = writer.BeginBatch();
                    var written = 0;
                    foreach (var page in waiting)
                    {
                        page.Syncer.Write(batch, page);
                        batch.SaveCheckpoint(page.Checkpoint);
                        written++;
                    }

                    batch.Commit();
                    pages += written;
                    Report(SyncPhase.Fetching, fetch, pages);
                },
                cancellationToken).ConfigureAwait(false);

            // Members of groups holding admin roles hold the roles too; needs every membership read.
            writer.CompleteAdminRoles();

            var derived = 0L;
            foreach (var app in apps.Contexts)
            {
                SyncLog.Deriving(_logger, app);
                var derive = new DeriveAccessPhase(writer, app);
                derive.Run(checkpoints, () => Report(SyncPhase.DerivingAccess, fetch, pages, derived + derive.UsersProcessed), cancellationToken);
                derived += derive.UsersProcessed;
            }

            if (options.Iam is { } iam)
            {
                // The AWS side: which IAM role each handed-out role is, whether it trusts its app, what it can do.
                using var batch = writer.BeginBatch();
                Iam.Attachment.IamAttachment.Write(batch, iam, writer.Apps(), writer.RolesHandedOut(), start.StartedAt);
                batch.Commit();
            }

            Report(SyncPhase.Finishing, fetch, pages, derived);
            var requests = _client.RequestCount - requestsAtStart;
            var warnings = writer.Warnings();
            var adminRoles = new AdminRoleSummary(writer.AdminRoleCounts(), warnings.FirstOrDefault(w => w.Code == AdminRoleReview.NotReviewed)?.Message, options.SyncCustomRoles);
            var completion = writer.Complete(requests, _time.GetUtcNow(), options.KeepSyncs);
            if (completion.History.Note is { } note)
            {
                SyncLog.HistoryNotKept(_logger, note);
            }

            var synced = apps.Contexts
                .Select(a => new SyncedApp(a.AppId, a.Label, a.Settings.ModeName, a.Settings.Mode == AwsAppMode.SingleAccount ? a.Settings.AccountId?.Value : null, a.App.Status))
                .ToList();
            return new SyncResult(paths.Target, completion.SyncId, completion.Counts, requests, watch.Elapsed, synced, warnings, writer.Resumed, completion.History) { AdminRoles = adminRoles };
        }
        catch
        {
            // Keep the partial file (for --resume) with the requests this attempt spent; the target is untouched.
            TryRecordRequests(writer, _client.RequestCount - requestsAtStart);
            throw;
        }
    }

    /// <summary>The syncers of every list that does not wait on another: each app's users and groups, the groups group mapping needs, and all users when asked.</summary>
    private static List<IListSyncer> Finders(IReadOnlyList<AwsAppContext> apps, SyncOptions options, GroupMemberQueue members)
    {
        var finders = new List<IListSyncer>();
        foreach (var app in apps)
        {
            finders.Add(new AppUsersSyncer(app, options.SkipSecondaryEmails));
            finders.Add(new AppGroupsSyncer(app, members));
        }

        finders.AddRange(MappedGroupLists(apps.Where(a => a.Settings.Mode == AwsAppMode.GroupMapping).ToList(), members));
        if (options.SyncAllUsers)
        {
            finders.Add(UsersSyncer.All(options.SkipSecondaryEmails));
            finders.Add(UsersSyncer.Deprovisioned(options.SkipSecondaryEmails));
        }

        return finders;
    }

    /// <summary>
    /// The admin role lists: users and groups holding roles (always), and custom roles and resource sets when asked.
    /// They wait on nothing, so they run alongside the apps' lists; the groups they find are queued for members.
    /// </summary>
    private static IEnumerable<IListSyncer> AdminRoleLists(SyncOptions options, GroupMemberQueue members, GroupSizes sizes, AdminRoleReview review)
    {
        yield return new AdminGroupsSyncer(members, sizes, review);
        yield return new AdminRoleHoldersSyncer(members, review, options.SkipSecondaryEmails);
        if (options.SyncCustomRoles)
        {
            yield return new AdminCustomRolesSyncer(review);
            yield return new AdminResourceSetsSyncer(review);
        }
    }

    /// <summary>
    /// As few group lists as the group-mapping apps allow: apps whose filters share an anchored literal prefix
    /// share one narrowed list; if any app's filter has none, one list of every group serves them all.
    /// </summary>
    private static IEnumerable<MappedGroupsSyncer> MappedGroupLists(List<AwsAppContext> apps, GroupMemberQueue members)
    {
        if (apps.Count == 0)
        {
            return [];
        }

        var prefixes = apps.Select(a => (App: a, Prefix: a.Settings.GroupFilter!.AnchoredLiteralPrefix())).ToList();
        if (prefixes.Any(p => p.Prefix is null))
        {
            return [new MappedGroupsSyncer(null, apps, members)];
        }

        return prefixes
            .GroupBy(p => p.Prefix!, StringComparer.Ordinal)
            .Select(g => new MappedGroupsSyncer(g.Key, [.. g.Select(p => p.App)], members));
    }

    private async Task<(IReadOnlyList<AwsAppContext> Contexts, IReadOnlyList<WarningRecord> Warnings)> DiscoverAsync(AppSelection selection, CancellationToken cancellationToken)
    {
        var (apps, warnings) = await AwsAppLoader.DiscoverAsync(_client, selection, cancellationToken).ConfigureAwait(false);

        // Each app's configuration lives in other buckets (schemas, internal), so the reads can overlap.
        var contexts = await Task.WhenAll(apps.Select(a => AwsAppLoader.LoadAsync(_client, a, cancellationToken))).ConfigureAwait(false);
        foreach (var warning in warnings.Concat(contexts.SelectMany(c => c.Warnings)))
        {
            SyncLog.AppWarning(_logger, warning.Message);
        }

        foreach (var app in contexts)
        {
            SyncLog.AppSettings(_logger, app);
        }

        return (contexts, warnings);
    }

    /// <summary>Writes each app's settings, its account and the role entitlements known up front, and the discovery warnings.</summary>
    private static void WriteConfiguration(SyncFileWriter writer, IReadOnlyList<AwsAppContext> apps, IReadOnlyList<WarningRecord> warnings)
    {
        using var batch = writer.BeginBatch();
        foreach (var app in apps)
        {
            var settings = app.Settings;
            batch.PutAwsApp(
                new AwsAppRecord(
                    app.AppId,
                    app.App.Name,
                    app.App.Label,
                    app.App.Status,
                    settings.IdentityProviderArn,
                    settings.AccountId?.Value,
                    settings.JoinAllRoles,
                    settings.UseGroupMapping,
                    settings.GroupFilterPattern,
                    settings.AppFilterText,
                    settings.RoleValuePattern,
                    app.SamlRolesUnion,
                    app.RoleList is not null,
                    app.SettingsJson),
                app.RoleList?.Select(r => r.Name).ToList() ?? []);
            if (settings.AccountId is { } account && settings.Mode == AwsAppMode.SingleAccount)
            {
                batch.UpsertAccount(SyncRecords.Account(account));
                foreach (var role in app.RoleList ?? [])
                {
                    batch.AddEntitlement(SyncRecords.Role(account, role));
                }
            }

            foreach (var warning in app.Warnings)
            {
                batch.AddWarning(warning);
            }
        }

        foreach (var warning in warnings)
        {
            batch.AddWarning(warning);
        }

        batch.Commit();
    }

    /// <summary>Groups a resumed sync already knows need their members read.</summary>
    private static IEnumerable<string> GroupsKnownFrom(SyncFileWriter writer, IReadOnlyList<AwsAppContext> apps)
    {
        var singleAccount = apps.Where(a => a.Settings.Mode == AwsAppMode.SingleAccount).Select(a => a.AppId).ToHashSet(StringComparer.Ordinal);
        return writer.AppGroups().Where(g => singleAccount.Contains(g.AppId)).Select(g => g.GroupId)
            .Concat(writer.MappedGroups().Select(g => g.GroupId))
            .Distinct(StringComparer.Ordinal);
    }

    private void Report(SyncPhase phase, FetchPhase? fetch, long pages = 0, long usersDerived = 0)
    {
        if (_progress is null)
        {
            return;
        }

        var lists = fetch?.Progress() ?? [];
        var (done, known) = fetch?.GroupCounts() ?? (0, 0);
        var appUsers = phase == SyncPhase.DerivingAccess ? usersDerived : _appUserLists.Sum(l => l.Progress.Items);
        _progress.Report(new SyncProgress(phase, _client.RequestCount, pages, appUsers, done, known) { Lists = lists, RateLimits = _client.RateLimitUsage() });
    }

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
