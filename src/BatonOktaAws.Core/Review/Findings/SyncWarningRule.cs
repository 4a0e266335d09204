namespace BatonOktaAws.Core.Review.Findings;

/// <summary>
/// Every warning the sync recorded, as a finding with the warning's code: what the sync could not turn into access
/// or found odd is part of the review. Warnings a computed finding already covers row by row
/// (<c>role-not-in-role-list</c> → <c>role-not-in-aws</c>) are not repeated.
/// </summary>
public sealed class SyncWarningRule : IFindingRule
{
    private static readonly Dictionary<string, FindingSeverity> Severities = new(StringComparer.Ordinal)
    {
        ["ignored-group-name"] = FindingSeverity.Low,
        ["ignored-group-source"] = FindingSeverity.Low,
        ["unusable-role"] = FindingSeverity.Medium,
        ["undocumented-default-role"] = FindingSeverity.Medium,
        ["okta-profile-differs"] = FindingSeverity.Medium,
        ["unexpected-profile"] = FindingSeverity.Low,
        ["unknown-scope"] = FindingSeverity.Low,
        ["inactive-app"] = FindingSeverity.Info,
        ["role-list-unavailable"] = FindingSeverity.Info,
        ["credentials-not-stored"] = FindingSeverity.Info,
        ["iam-export-older-than-sync"] = FindingSeverity.Low,
        ["iam-export-incomplete"] = FindingSeverity.Medium,
        ["iam-export-warning"] = FindingSeverity.Low,
        ["admin-roles-not-reviewed"] = FindingSeverity.Medium,
        ["admin-group-stats-missing"] = FindingSeverity.Low,
        ["unexpected-admin-role"] = FindingSeverity.Low,
    };

    private static readonly HashSet<string> CoveredElsewhere = new(StringComparer.Ordinal) { "role-not-in-role-list" };

    public IReadOnlyList<string> Codes => [.. Severities.Keys];

    public IEnumerable<Finding> Find(ReviewSnapshot sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        foreach (var warning in sync.Warnings.Where(w => !CoveredElsewhere.Contains(w.Code)))
        {
            var severity = Severities.TryGetValue(warning.Code, out var known) ? known : FindingSeverity.Info;
            var (userId, groupId, role) = warning.SubjectType switch
            {
                "user" => (warning.SubjectId, null, null),
                "group" => (null, warning.SubjectId, null),
                "role" => (null, null, warning.SubjectId),
                "account" => (null, null, null),
                _ => ((string?)null, (string?)null, (string?)null),
            };
            var appId = warning.AppId;
            yield return new Finding(
                warning.Code,
                severity,
                warning.Message,
                userId,
                userId is null ? null : sync.Login(userId),
                appId,
                appId is null ? null : sync.AppLabel(appId),
                warning.SubjectType == "account" ? warning.SubjectId : appId is not null && sync.Apps.TryGetValue(appId, out var app) ? app.AccountId : null,
                role,
                groupId,
                groupId is null ? null : sync.GroupName(groupId));
        }
    }
}
