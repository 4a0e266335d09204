using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Store.C1z;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Baton.Export;

/// <summary>
/// The Okta AWS apps the sync read: each is a resource (<c>app:&lt;appId&gt;</c>) offering
/// <c>app:&lt;appId&gt;:access</c>, an assignment held by the groups assigned to the app and by its app users. It
/// is what names the app of each path to a role: a user's <c>account:A:R</c> grant lists
/// <c>app:&lt;appId&gt;:access</c> among its sources for every app it comes through (<see cref="AccountExport"/>).
/// </summary>
public sealed class AppExport : IResourceTypeExport
{
    public const string TypeId = "app";
    public const string AccessSlug = "access";

    public BatonResourceType ResourceType { get; } = new(TypeId, "AWS App", [BatonTrait.App]);

    /// <summary>Assigning users and groups to the app is done in Okta; <c>grant</c>/<c>revoke</c> do not.</summary>
    public bool SupportsProvisioning => false;

    public static string AccessEntitlementId(string appId) => BatonEntitlement.IdFor(new BatonResourceId(TypeId, appId), AccessSlug);

    public IEnumerable<BatonResource> Resources(ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Sync.Apps().OrderBy(app => app.AppId, StringComparer.Ordinal).Select(app => new BatonResource(
            new BatonResourceId(TypeId, app.AppId),
            NameOf(app),
            Description: Describe(app)));
    }

    public IEnumerable<BatonEntitlement> Entitlements(ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Sync.Apps().OrderBy(app => app.AppId, StringComparer.Ordinal).Select(app => BatonEntitlement.Create(
            new BatonResourceId(TypeId, app.AppId),
            AccessSlug,
            $"{NameOf(app)} access",
            $"Assigned to the Okta app {NameOf(app)} ({app.AppId}), through which AWS roles are assumed",
            BatonEntitlementPurpose.Assignment,
            [Baton.ResourceType.User, Baton.ResourceType.Group]));
    }

    public IEnumerable<BatonGrant> Grants(ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var usersByApp = context.Sync.AppUsers().ToLookup(user => user.AppId, StringComparer.Ordinal);
        var groupsByApp = context.Sync.AppGroups().ToLookup(group => group.AppId, StringComparer.Ordinal);
        foreach (var appId in context.Apps.Keys.Order(StringComparer.Ordinal))
        {
            var entitlement = AccessEntitlementId(appId);
            var resource = new BatonResourceId(TypeId, appId);
            var appUsers = usersByApp[appId].Select(user => user.UserId).ToHashSet(StringComparer.Ordinal);
            var assignedGroups = groupsByApp[appId].Select(group => group.GroupId).ToHashSet(StringComparer.Ordinal);
            foreach (var groupId in assignedGroups.Order(StringComparer.Ordinal))
            {
                // Okta makes every member of an assigned group an app user; expandable only where the sync read the
                // members and that is so for every one of them (a deactivated member, for one, may have lost it).
                var reachesEveryMember = context.MembersRead(groupId) && context.Memberships.MembersOf(groupId).All(appUsers.Contains);
                yield return new BatonGrant(
                    BatonGrant.IdFor(entitlement, new BatonResourceId(Baton.ResourceType.Group, groupId)),
                    entitlement,
                    resource,
                    new BatonResourceId(Baton.ResourceType.Group, groupId),
                    [],
                    reachesEveryMember ? new BatonGrantExpandable([EntitlementId.GroupMember(groupId).ToString()]) : null);
            }

            foreach (var user in usersByApp[appId])
            {
                yield return new BatonGrant(
                    BatonGrant.IdFor(entitlement, new BatonResourceId(Baton.ResourceType.User, user.UserId)),
                    entitlement,
                    resource,
                    new BatonResourceId(Baton.ResourceType.User, user.UserId),
                    Sources(context, entitlement, user, assignedGroups));
            }
        }
    }

    /// <summary>
    /// Held directly (scope USER), through the assigned groups the user is in, or both. A group-scoped user whose
    /// assigned group the sync did not read the members of (group-mapping apps read only the mapped groups') gets
    /// no group source: the file cannot say which group it is.
    /// </summary>
    private static IReadOnlyList<BatonGrantSource> Sources(ExportContext context, string entitlement, AppUserRecord user, HashSet<string> assignedGroups)
    {
        var sources = new GrantSourceSet();
        var direct = user.Scope == OktaAppUser.UserScope;
        foreach (var groupId in context.Memberships.GroupsOf(user.UserId).Where(assignedGroups.Contains))
        {
            sources.Add(EntitlementId.GroupMember(groupId).ToString(), isDirect: true);
        }

        if (direct && sources.Count > 0)
        {
            sources.Add(entitlement, isDirect: true);
        }

        return sources.ToList();
    }

    private static string NameOf(AwsAppRecord app) => app.Label ?? app.Name ?? app.AppId;

    private static string Describe(AwsAppRecord app)
    {
        var mode = app.UseGroupMapping
            ? $"group mapping (groupFilter {app.GroupFilter}{(string.IsNullOrEmpty(app.AppFilter) ? string.Empty : $", appFilter {app.AppFilter}")})"
            : $"single account {app.AccountId}, joinAllRoles {(app.JoinAllRoles ? "on" : "off")}, samlRoles union {(app.SamlRolesUnion ? "on" : "off")}";
        return $"Okta AWS app {app.AppId} ({app.Status ?? "status unknown"}): {mode}";
    }
}
