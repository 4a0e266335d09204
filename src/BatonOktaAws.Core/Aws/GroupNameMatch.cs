namespace BatonOktaAws.Core.Aws;

public enum GroupNameOutcome
{
    NoMatch,
    Mapped,

    /// <summary>The name matches the filter but cannot become access; <see cref="GroupNameMatch.Reason"/> says why.</summary>
    Ignored,
}

/// <summary>What a group-mapping app's <c>groupFilter</c> makes of one group name.</summary>
public sealed record GroupNameMatch(GroupNameOutcome Outcome, AwsAccountId? Account, SamlRole? Role, string? Reason)
{
    public static GroupNameMatch NoMatch { get; } = new(GroupNameOutcome.NoMatch, null, null, null);

    public static GroupNameMatch Mapped(AwsAccountId account, SamlRole role) => new(GroupNameOutcome.Mapped, account, role, null);

    public static GroupNameMatch Ignored(string reason) => new(GroupNameOutcome.Ignored, null, null, reason);
}
