using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Core.Baton.Export;

/// <summary>Which grants to list, as <c>baton grants</c> filters them; every field set narrows the result.</summary>
/// <param name="ResourceType">Grants of entitlements on resources of this type.</param>
/// <param name="Resource">Grants of entitlements on this resource.</param>
/// <param name="EntitlementId">Grants of this entitlement.</param>
public sealed record BatonGrantFilter(string? ResourceType = null, BatonResourceId? Resource = null, string? EntitlementId = null)
{
    public bool Matches(BatonGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return (ResourceType is null || grant.EntitlementResource.ResourceType == ResourceType)
            && (Resource is null || grant.EntitlementResource == Resource)
            && (EntitlementId is null || grant.EntitlementId == EntitlementId);
    }
}
