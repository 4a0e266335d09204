using BatonOktaAws.Core.Aws;

namespace BatonOktaAws.Core.Iam.CredentialReports;

/// <summary>An account's credential report (<c>aws iam get-credential-report</c>).</summary>
public sealed record CredentialReport
{
    public required AwsAccountId AccountId { get; init; }

    /// <summary>When AWS generated the report; known only from the JSON form (<c>GeneratedTime</c>), not from a bare CSV.</summary>
    public DateTimeOffset? GeneratedTime { get; init; }

    public required IReadOnlyList<CredentialReportUser> Users { get; init; }

    /// <summary>The file the report came from.</summary>
    public required string SourceFile { get; init; }

    public CredentialReportUser? Root => Users.FirstOrDefault(u => u.IsRoot);

    public CredentialReportUser? FindUser(string userName) =>
        Users.FirstOrDefault(u => !u.IsRoot && string.Equals(u.User, userName, StringComparison.OrdinalIgnoreCase));
}
