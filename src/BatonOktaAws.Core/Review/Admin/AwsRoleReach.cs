using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Review.Admin;

/// <summary>
/// The AWS roles (account and role) a path can hand out. A group's path reaches the role it names. Changing a
/// single-account app's assignments reaches every role of its account the sync knows of — the app's AWS role list,
/// and every role the app hands out today — since an assignment's samlRoles can name any of them. A group-mapping
/// app's assignments (or an assigned group's membership) reach every role its mapped groups map to: assigning a
/// person makes each of their mapped groups count.
/// </summary>
internal sealed class AwsRoleReach
{
    private readonly Dictionary<string, IReadOnlyList<(string AccountId, string Role)>> _byApp = new(StringComparer.Ordinal);

    public AwsRoleReach(ReviewSnapshot sync)
    {
        var grants = sync.GroupRoleGrants;
        foreach (var app in sync.Apps.Values)
        {
            var roles = grants.Where(g => g.AppId == app.AppId).Select(g => (g.AccountId, g.Role));
            if (!app.UseGroupMapping && app.AccountId is { } account)
            {
                roles = roles
                    .Concat((sync.RoleLists.GetValueOrDefault(app.AppId) ?? []).Select(r => (account, r)))
                    .Concat(sync.Access.Where(a => a.AppId == app.AppId).Select(a => (a.AccountId, a.Role)));
            }

            _byApp[app.AppId] = [.. roles.Distinct().Order()];
        }
    }

    public IReadOnlyList<(string AccountId, string Role)> Of(AccessChangePath path) =>
        path is { AccountId: { } account, Role: { } role } ? [(account, role)] : _byApp.GetValueOrDefault(path.AppId) ?? [];
}
