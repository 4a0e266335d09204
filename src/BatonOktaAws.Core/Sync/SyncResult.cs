using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Sync;

/// <summary>What a finished sync wrote and what it cost.</summary>
/// <param name="Apps">The apps synced: id, label, mode and (single-account) account.</param>
/// <param name="History">Which earlier syncs the file kept.</param>
public sealed record SyncResult(
    string FilePath,
    long SyncId,
    SyncCounts Counts,
    long Requests,
    TimeSpan Elapsed,
    IReadOnlyList<SyncedApp> Apps,
    IReadOnlyList<WarningRecord> Warnings,
    bool Resumed,
    SyncHistoryResult History)
{
    /// <summary>What the sync read of Okta's admin roles, and whether Okta let it (null for results built without them).</summary>
    public AdminRoleSummary? AdminRoles { get; init; }
}

/// <summary>One app of a finished sync, for summaries.</summary>
public sealed record SyncedApp(string AppId, string Label, string Mode, string? AccountId, string? Status);
