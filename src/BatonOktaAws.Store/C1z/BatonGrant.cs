namespace BatonOktaAws.Store.C1z;

/// <summary>
/// A Baton grant: <see cref="Principal"/> holds the entitlement <see cref="EntitlementId"/> on
/// <see cref="EntitlementResource"/>. Its id is <c>entitlementId:principalType:principalId</c> (<see cref="IdFor"/>).
/// </summary>
/// <param name="Sources">Why it is held; empty for a grant held only directly.</param>
/// <param name="Expandable">Set only where holding the listed entitlements alone gives this entitlement.</param>
public sealed record BatonGrant(
    string Id,
    string EntitlementId,
    BatonResourceId EntitlementResource,
    BatonResourceId Principal,
    IReadOnlyList<BatonGrantSource> Sources,
    BatonGrantExpandable? Expandable = null)
{
    /// <summary>
    /// True when every source is another entitlement: the grant exists only through them (Baton's expander marks
    /// such grants <c>GrantImmutable</c>; they are revoked by removing the source, not on their own).
    /// </summary>
    public bool IsDerivedOnly => Sources.Count > 0 && Sources.All(source => source.EntitlementId != EntitlementId);

    /// <summary>A grant of <paramref name="entitlement"/> to <paramref name="principal"/>, with Baton's id.</summary>
    public static BatonGrant Create(
        BatonEntitlement entitlement,
        BatonResourceId principal,
        IReadOnlyList<BatonGrantSource>? sources = null,
        BatonGrantExpandable? expandable = null)
    {
        ArgumentNullException.ThrowIfNull(entitlement);
        return new(IdFor(entitlement.Id, principal), entitlement.Id, entitlement.Resource, principal, sources ?? [], expandable);
    }

    public static string IdFor(string entitlementId, BatonResourceId principal)
    {
        ArgumentException.ThrowIfNullOrEmpty(entitlementId);
        ArgumentNullException.ThrowIfNull(principal);
        return $"{entitlementId}:{principal.ResourceType}:{principal.Resource}";
    }
}
