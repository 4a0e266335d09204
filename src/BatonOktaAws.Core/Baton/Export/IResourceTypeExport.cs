using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Core.Baton.Export;

/// <summary>
/// One Baton resource type and what a sync holds of it: its resources, the entitlements offered on them and the
/// grants of those entitlements. Another kind of object (say Okta admin roles) is one more implementation, listed
/// in <see cref="SyncExport.ResourceTypes"/>; everything else — the c1z export, capabilities, the reading
/// commands — picks it up from there.
/// </summary>
public interface IResourceTypeExport
{
    BatonResourceType ResourceType { get; }

    /// <summary>Whether <c>grant</c>/<c>revoke</c> change grants of this type's entitlements (Baton's CAPABILITY_PROVISION).</summary>
    bool SupportsProvisioning { get; }

    IEnumerable<BatonResource> Resources(ExportContext context);

    IEnumerable<BatonEntitlement> Entitlements(ExportContext context);

    IEnumerable<BatonGrant> Grants(ExportContext context);
}
