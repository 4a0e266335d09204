namespace BatonOktaAws.Store.C1z;

/// <summary>
/// A Baton entitlement: something a principal can hold on a resource. Its id is <c>type:id:slug</c>
/// (<see cref="IdFor"/>), as Baton's SDK makes it.
/// </summary>
/// <param name="GrantableTo">Ids of the resource types whose resources can hold it (e.g. <c>user</c>, <c>group</c>).</param>
public sealed record BatonEntitlement(
    string Id,
    BatonResourceId Resource,
    string Slug,
    string DisplayName,
    string Description,
    BatonEntitlementPurpose Purpose,
    IReadOnlyList<string> GrantableTo)
{
    /// <summary>An entitlement whose id is Baton's <c>type:id:slug</c>.</summary>
    public static BatonEntitlement Create(
        BatonResourceId resource,
        string slug,
        string displayName,
        string description,
        BatonEntitlementPurpose purpose,
        IReadOnlyList<string> grantableTo) =>
        new(IdFor(resource, slug), resource, slug, displayName, description, purpose, grantableTo);

    public static string IdFor(BatonResourceId resource, string slug)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentException.ThrowIfNullOrEmpty(slug);
        return $"{resource.ResourceType}:{resource.Resource}:{slug}";
    }
}
