using BatonOktaAws.Core.Aws;

namespace BatonOktaAws.Core.Sync;

/// <summary>What to sync and where to.</summary>
public sealed record SyncOptions
{
    /// <summary>The AWS apps to sync: <c>all</c> or named ids.</summary>
    public required AppSelection Apps { get; init; }

    /// <summary>The sync file to (re)place; written beside it first and renamed into place at the end.</summary>
    public required string FilePath { get; init; }

    /// <summary>Also list every user of the org, DEPROVISIONED ones included.</summary>
    public bool SyncAllUsers { get; init; }

    /// <summary>Leave users' secondary emails out of the sync file.</summary>
    public bool SkipSecondaryEmails { get; init; }

    /// <summary>
    /// Also read the custom admin roles and resource sets (their permissions, resources and bindings), so what a
    /// custom role can change is known. Admin role assignments themselves are always read.
    /// </summary>
    public bool SyncCustomRoles { get; init; } = true;

    /// <summary>Continue an interrupted sync's partial file instead of starting over.</summary>
    public bool Resume { get; init; }

    /// <summary>Overwrite the target even when it is not a sync file (normally refused, so a mistyped --file cannot destroy another file).</summary>
    public bool Force { get; init; }

    /// <summary>How many syncs the file keeps, this one included; older ones are dropped.</summary>
    public int KeepSyncs { get; init; } = 2;

    /// <summary>IAM exports to attach to the sync (<c>--aws-iam</c>), already loaded and checked; null for none.</summary>
    public Iam.IamEstate? Iam { get; init; }

    /// <summary>Recorded in the file's <c>sync_runs</c>.</summary>
    public string ToolVersion { get; init; } = "0.0.0";

    /// <summary>The options that shape the data, as stored with the run (a resume must match them).</summary>
    internal string Fingerprint => $"{{\"syncAllUsers\":{(SyncAllUsers ? "true" : "false")},\"skipSecondaryEmails\":{(SkipSecondaryEmails ? "true" : "false")},\"syncCustomRoles\":{(SyncCustomRoles ? "true" : "false")}}}";
}
