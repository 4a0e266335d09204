namespace BatonOktaAws.Store.C1z;

/// <summary>What an entitlement means; the values are Baton's <c>Entitlement.PurposeValue</c> numbers.</summary>
public enum BatonEntitlementPurpose
{
    Unspecified = 0,

    /// <summary>Being assigned to the resource, e.g. membership of a group.</summary>
    Assignment = 1,

    /// <summary>A permission on the resource, e.g. a role that may be assumed in an account.</summary>
    Permission = 2,

    Ownership = 3,
}
