namespace BatonOktaAws.Core.Review.Findings;

/// <summary>How much a finding matters to a review; ordered, so <c>--fail-on</c> can ask for "this or worse".</summary>
public enum FindingSeverity
{
    Info,
    Low,
    Medium,
    High,
}

/// <summary>
/// Something a reviewer should look at: a stable <see cref="Code"/> (documented in docs/findings.md), how much it
/// matters, what it concerns (any of user, app, account, role, group) and one line saying why.
/// </summary>
public sealed record Finding(
    string Code,
    FindingSeverity Severity,
    string Explanation,
    string? UserId = null,
    string? Login = null,
    string? AppId = null,
    string? AppLabel = null,
    string? AccountId = null,
    string? Role = null,
    string? GroupId = null,
    string? GroupName = null);

public static class FindingSeverities
{
    public static string Name(this FindingSeverity severity) => severity switch
    {
        FindingSeverity.High => "high",
        FindingSeverity.Medium => "medium",
        FindingSeverity.Low => "low",
        _ => "info",
    };

    /// <exception cref="FormatException">Not high, medium, low or info.</exception>
    public static FindingSeverity Parse(string text) => text?.Trim().ToLowerInvariant() switch
    {
        "high" => FindingSeverity.High,
        "medium" => FindingSeverity.Medium,
        "low" => FindingSeverity.Low,
        "info" => FindingSeverity.Info,
        _ => throw new FormatException($"'{text}' is not a severity: use high, medium, low or info."),
    };
}
