namespace BatonOktaAws.Core.Provisioning;

/// <summary>How to provision.</summary>
public sealed record ProvisioningOptions
{
    public required string AppId { get; init; }

    /// <summary>Do every read, print the writes that would be made, make none.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// Allow giving a direct role to a user whose app assignment is group-scoped, which converts it into a
    /// direct assignment (keeping every role they had).
    /// </summary>
    public bool AllowGroupToDirectConversion { get; init; }

    /// <summary>A sync file to name the matching groups from when refusing a role change in group-mapping mode.</summary>
    public string? SyncFilePath { get; init; }
}
