using BatonOktaAws.Core.Aws;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Sync;

/// <summary>What a finished sync wrote and what it cost.</summary>
public sealed record SyncResult(
    string FilePath,
    SyncCounts Counts,
    long Requests,
    TimeSpan Elapsed,
    AwsAppMode Mode,
    string? AccountId,
    IReadOnlyList<string> Warnings,
    bool Resumed);
