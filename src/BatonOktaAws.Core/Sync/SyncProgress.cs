namespace BatonOktaAws.Core.Sync;

/// <summary>Where a running sync is, for a progress display.</summary>
public sealed record SyncProgress(SyncPhase Phase, long Requests, long Pages, long AppUsers, long GroupsDone, long GroupsKnown);

public enum SyncPhase
{
    ReadingConfiguration,
    Fetching,
    DerivingAccess,
    Finishing,
}
