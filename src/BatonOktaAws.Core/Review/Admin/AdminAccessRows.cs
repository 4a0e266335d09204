using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Review.Admin;

/// <summary>
/// The admin paths as access rows (<c>access --include-admins</c>), so one query shows direct, group and indirect
/// paths: one row per person, app, account and role a path reaches, with source <c>admin:&lt;roleType or custom
/// role id&gt;</c> and, for people, what the role allows in <see cref="AccessRow.SourceName"/>.
/// </summary>
public static class AdminAccessRows
{
    public const string SourcePrefix = "admin:";

    public static IReadOnlyList<AccessRow> From(ReviewSnapshot sync, AccessFilter filter)
    {
        ArgumentNullException.ThrowIfNull(sync);
        ArgumentNullException.ThrowIfNull(filter);
        var review = WhoCanChangeAwsAccess.For(sync);
        var reach = new AwsRoleReach(sync);

        // The AWS role each reachable role is, as the rows of the direct and group paths show it (the sync file's
        // access view joins the same two tables): an admin path to an admin-equivalent role says so.
        var arns = sync.RoleStatuses.Where(s => s.IamRoleArn is not null).ToDictionary(s => (s.AppId, s.AccountId, s.Role), s => s.IamRoleArn!);
        var adminEquivalent = sync.IamRoles.ToDictionary(r => (r.AccountId, r.Arn), r => r.AdminEquivalent);
        return
        [
            .. review.Paths
                .Where(p => Matches(p, filter))
                .SelectMany(p => reach.Of(p).Select(r => (Path: p, r.AccountId, r.Role)))
                .Where(x => (filter.AccountId is null || x.AccountId == filter.AccountId) && (filter.Role is null || x.Role == filter.Role))
                .GroupBy(x => (x.Path.UserId, x.Path.AppId, x.AccountId, x.Role, Source: Source(x.Path.Held)))

                // One row per role and source: a role that reaches the same AWS role two ways says both.
                .Select(g => new AccessRow(
                    g.Key.UserId,
                    g.First().Path.Login,
                    g.First().Path.UserStatus,
                    g.Key.AppId,
                    g.First().Path.AppLabel,
                    g.Key.AccountId,
                    g.Key.Role,
                    g.Key.Source,
                    Describe(g.Select(x => x.Path)),
                    sync.Users.GetValueOrDefault(g.Key.UserId)?.DisplayName,
                    arns.GetValueOrDefault((g.Key.AppId, g.Key.AccountId, g.Key.Role)),
                    arns.TryGetValue((g.Key.AppId, g.Key.AccountId, g.Key.Role), out var arn) && adminEquivalent.TryGetValue((g.Key.AccountId, arn), out var admin) ? admin : null)),
        ];
    }

    /// <summary><c>admin:&lt;roleType&gt;</c> for a standard role, <c>admin:&lt;customRoleId&gt;</c> for a custom one.</summary>
    public static string Source(HeldAdminRole held)
    {
        ArgumentNullException.ThrowIfNull(held);
        return SourcePrefix + (held.IsCustom ? held.RoleId : held.RoleType);
    }

    private static bool Matches(AccessChangePath path, AccessFilter filter) =>
        (filter.User is null || path.UserId == filter.User || string.Equals(path.Login, filter.User, StringComparison.OrdinalIgnoreCase))
        && (filter.App is null || path.AppId == filter.App || string.Equals(path.AppLabel, filter.App, StringComparison.OrdinalIgnoreCase));

    /// <summary>"Application administrator directly: app assignments", "... via 'Admins': app assignments; membership of 'AWS Developers'".</summary>
    private static string Describe(IEnumerable<AccessChangePath> paths) => string.Join(
        "; ",
        paths.GroupBy(p => $"{p.Held.Label} {p.Held.How}", StringComparer.Ordinal)
            .Select(held => $"{held.Key}: " + string.Join("; ", held.Select(p => p.Capability == AdminCapability.AppAssignments ? "app assignments" : $"membership of '{p.GroupName ?? p.GroupId}'").Distinct(StringComparer.Ordinal))));
}
