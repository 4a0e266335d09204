using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Review.Roles;

/// <summary>
/// An AWS role someone can reach through Okta: the app and account, the IAM role AWS gives (when IAM exports were
/// attached: its ARN, whether it exists and trusts the app, what it can do) and how many people hold it.
/// </summary>
public sealed record ReachableRole(
    string AppId,
    string AppLabel,
    string AccountId,
    string Role,
    RoleStatusRecord? Status,
    IamRoleRecord? Iam,
    int Holders,
    int HoldersWhoCannotSignIn)
{
    public bool IsAdminEquivalent => Iam?.AdminEquivalent == true;

    /// <summary>In words: "exists, trusts the app", "missing in IAM", "not reviewed (no IAM export)", ...</summary>
    public string Verdict => Status switch
    {
        null or { Status: "unknown" } => "not reviewed (no complete IAM export for the account)",
        { Status: "not-found" } => "missing in IAM",
        { Status: "found-arn-differs" } => "exists under another ARN than Okta sends",
        { Trust: "trusted" } => "exists and trusts the app",
        { Trust: "denied" } => "exists, but its trust policy denies the app",
        { Trust: "not-trusted" } => "exists, but does not trust the app",
        _ => "exists; trust unknown",
    };

    public static IReadOnlyList<ReachableRole> Of(ReviewSnapshot sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        var statuses = sync.RoleStatuses.ToDictionary(s => (s.AppId, s.AccountId, s.Role));
        var iamRoles = sync.IamRoles.ToDictionary(r => (r.AccountId, r.Arn));
        var holders = sync.Access.GroupBy(a => (a.AppId, a.AccountId, a.Role)).ToDictionary(g => g.Key, g => g.ToList());
        return [.. sync.RolesHandedOut
            .Select(key =>
            {
                var status = statuses.GetValueOrDefault(key);
                var iam = status?.IamRoleArn is { } arn ? iamRoles.GetValueOrDefault((key.AccountId, arn)) : null;
                var rows = holders.GetValueOrDefault(key) ?? [];
                return new ReachableRole(
                    key.AppId,
                    sync.AppLabel(key.AppId),
                    key.AccountId,
                    key.Role,
                    status,
                    iam,
                    rows.Select(r => r.UserId).Distinct(StringComparer.Ordinal).Count(),
                    rows.Where(r => !UserStatuses.CanAuthenticate(r.UserStatus)).Select(r => r.UserId).Distinct(StringComparer.Ordinal).Count());
            })
            .OrderBy(r => r.AccountId, StringComparer.Ordinal)
            .ThenBy(r => r.Role, StringComparer.Ordinal)
            .ThenBy(r => r.AppLabel, StringComparer.OrdinalIgnoreCase)];
    }
}
