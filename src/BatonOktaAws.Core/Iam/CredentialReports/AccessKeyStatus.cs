namespace BatonOktaAws.Core.Iam.CredentialReports;

/// <summary>One of a user's two access key slots (<c>access_key_1_*</c>, <c>access_key_2_*</c>).</summary>
public sealed record AccessKeyStatus
{
    /// <summary>1 or 2.</summary>
    public required int Slot { get; init; }

    public required bool Active { get; init; }
    public DateTimeOffset? LastRotated { get; init; }

    /// <summary>Null when the key was never used (or not since April 2015, when AWS started tracking).</summary>
    public DateTimeOffset? LastUsedDate { get; init; }

    public string? LastUsedRegion { get; init; }
    public string? LastUsedService { get; init; }
}
