namespace BatonOktaAws.Core.Iam.CredentialReports;

/// <summary>
/// One row of the credential report: an IAM user's (or the root user's) long-term credentials, which reach
/// the account without going through Okta.
/// </summary>
public sealed record CredentialReportUser
{
    public const string RootUserName = "<root_account>";

    public required string User { get; init; }
    public required string Arn { get; init; }

    /// <summary>The account's root user (<c>&lt;root_account&gt;</c>, ARN <c>arn:aws:iam::123456789012:root</c>).</summary>
    public bool IsRoot => User == RootUserName;

    public DateTimeOffset? UserCreationTime { get; init; }

    /// <summary>Whether the user has a console password; null for the root user, for which the report says <c>not_supported</c>.</summary>
    public bool? PasswordEnabled { get; init; }

    /// <summary>Null when the password was never used (<c>no_information</c>) or there is none (<c>N/A</c>).</summary>
    public DateTimeOffset? PasswordLastUsed { get; init; }

    public bool MfaActive { get; init; }
    public IReadOnlyList<AccessKeyStatus> AccessKeys { get; init; } = [];

    public IReadOnlyList<AccessKeyStatus> ActiveAccessKeys => [.. AccessKeys.Where(k => k.Active)];

    /// <summary>A console password or an active access key: a way into the account that does not pass through Okta.</summary>
    public bool BypassesOkta => PasswordEnabled == true || AccessKeys.Any(k => k.Active);

    /// <summary>The latest use of the password or of an active key, if any.</summary>
    public DateTimeOffset? LastUsed =>
        new[] { PasswordLastUsed }.Concat(AccessKeys.Select(k => k.LastUsedDate)).Where(d => d is not null).Max();
}
