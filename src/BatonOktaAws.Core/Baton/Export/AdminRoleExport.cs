using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Core.Baton.Export;

/// <summary>
/// Okta admin roles (standard and custom): resources with Baton's role trait, each offering
/// <c>role:&lt;roleTypeOrId&gt;:assigned</c> (an assignment, held by users and groups) — who can change access, not
/// access itself. A role held through a group is the group's grant, as Okta lists it. Read-only: <c>grant</c> and
/// <c>revoke</c> refuse these entitlements.
/// </summary>
public sealed class AdminRoleExport : IResourceTypeExport
{
    public BatonResourceType ResourceType { get; } = new(Baton.ResourceType.AdminRole, "Okta Admin Role", [BatonTrait.Role]);

    public bool SupportsProvisioning => false;

    public IEnumerable<BatonResource> Resources(ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Sync.AdminRoleResources().Select(role => new BatonResource(
            new BatonResourceId(Baton.ResourceType.AdminRole, role.Id),
            role.DisplayName,
            Description: string.IsNullOrEmpty(role.Description) ? null : role.Description));
    }

    public IEnumerable<BatonEntitlement> Entitlements(ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Entitlements(Baton.ResourceType.AdminRole, BatonEntitlementPurpose.Assignment, [Baton.ResourceType.User, Baton.ResourceType.Group]);
    }

    public IEnumerable<BatonGrant> Grants(ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Grants(Baton.ResourceType.AdminRole).Select(grant => ExportContext.ToBaton(grant.Grant, [], null));
    }
}
