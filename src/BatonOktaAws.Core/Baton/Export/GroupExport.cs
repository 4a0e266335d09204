using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Core.Baton.Export;

/// <summary>
/// Okta groups: resources with Baton's group trait, each offering <c>group:&lt;id&gt;:member</c> (an assignment,
/// grantable to users), granted to every member the sync read. Okta has no nested groups, so every membership is
/// held directly and has no sources.
/// </summary>
public sealed class GroupExport : IResourceTypeExport
{
    public BatonResourceType ResourceType { get; } = new(Baton.ResourceType.Group, "Group", [BatonTrait.Group]);

    /// <summary><c>grant</c>/<c>revoke</c> add and remove members of OKTA_GROUP groups.</summary>
    public bool SupportsProvisioning => true;

    public IEnumerable<BatonResource> Resources(ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Sync.Groups().Select(group => new BatonResource(
            new BatonResourceId(Baton.ResourceType.Group, group.Id),
            group.Name,
            Description: string.IsNullOrEmpty(group.Description) ? null : group.Description,
            Group: new BatonGroupTrait(ExportProfile.Of(
                ("name", group.Name),
                ("groupType", group.GroupType),
                ("sourceAppId", group.SourceAppId),
                ("sourceAppName", group.SourceAppName)))));
    }

    public IEnumerable<BatonEntitlement> Entitlements(ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Entitlements(Baton.ResourceType.Group, BatonEntitlementPurpose.Assignment, [Baton.ResourceType.User]);
    }

    public IEnumerable<BatonGrant> Grants(ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Grants(Baton.ResourceType.Group).Select(grant => ExportContext.ToBaton(grant.Grant, [], null));
    }
}
