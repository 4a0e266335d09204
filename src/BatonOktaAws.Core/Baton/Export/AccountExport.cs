using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Core.Baton.Export;

/// <summary>
/// AWS accounts: each offers <c>account:&lt;accountId&gt;:&lt;role&gt;</c> (a permission, grantable to users and
/// groups) for every role someone may assume in it. A group's grant is what its assignment (or, under group
/// mapping, its name) hands out; a user's grant is their effective access, with every path to it as a source:
/// <list type="bullet">
/// <item>through a group G: <c>group:G:member</c>;</item>
/// <item>through their own assignment: the grant's own entitlement id (it is held directly, so it can be revoked on its own);</item>
/// <item>and for each path, the app it goes through: <c>app:&lt;appId&gt;:access</c>, direct when the user is
/// assigned to that app themselves (scope USER), not through a group.</item>
/// </list>
/// </summary>
public sealed class AccountExport : IResourceTypeExport
{
    public BatonResourceType ResourceType { get; } = new(Baton.ResourceType.Account, "AWS Account", []);

    /// <summary><c>grant</c>/<c>revoke</c> change the roles of app assignments (a group's, or a user's direct one).</summary>
    public bool SupportsProvisioning => true;

    public IEnumerable<BatonResource> Resources(ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Sync.Accounts().Select(account => new BatonResource(new BatonResourceId(Baton.ResourceType.Account, account.Id), account.DisplayName));
    }

    public IEnumerable<BatonEntitlement> Entitlements(ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Entitlements(Baton.ResourceType.Account, BatonEntitlementPurpose.Permission, [Baton.ResourceType.User, Baton.ResourceType.Group]);
    }

    public IEnumerable<BatonGrant> Grants(ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var grant in context.Grants(Baton.ResourceType.Account))
        {
            yield return grant.Grant.PrincipalType == Baton.ResourceType.Group
                ? ExportContext.ToBaton(grant.Grant, [], context.Expansion.For(grant))
                : ExportContext.ToBaton(grant.Grant, UserSources(context, grant), null);
        }
    }

    private static IReadOnlyList<BatonGrantSource> UserSources(ExportContext context, SyncGrant grant)
    {
        var userId = grant.Grant.PrincipalId;
        var sources = new GrantSourceSet();
        foreach (var source in grant.Sources)
        {
            var groupId = sources.AddHeld(grant.Grant.EntitlementId, source.Source);
            if (source.AppId.Length > 0)
            {
                sources.Add(AppExport.AccessEntitlementId(source.AppId), isDirect: groupId is null || context.IsDirectAppUser(source.AppId, userId));
            }
        }

        return sources.ToList();
    }
}
