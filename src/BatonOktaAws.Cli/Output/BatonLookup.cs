using BatonOktaAws.Core.Baton.Export;
using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Cli.Output;

/// <summary>
/// Resource types, resources and entitlements by id, to show each row with the names of what it refers to — as the
/// <c>baton</c> CLI resolves a grant's entitlement, principal and resource by id.
/// </summary>
internal sealed class BatonLookup
{
    private readonly Dictionary<string, BatonResource> _resources;
    private readonly Dictionary<string, BatonEntitlement> _entitlements;

    private BatonLookup(Dictionary<string, BatonResourceType> types, Dictionary<string, BatonResource> resources, Dictionary<string, BatonEntitlement> entitlements)
    {
        Types = types;
        _resources = resources;
        _entitlements = entitlements;
    }

    public IReadOnlyDictionary<string, BatonResourceType> Types { get; }

    /// <param name="withEntitlements">Also load entitlements (grants need them; resources and entitlements do not).</param>
    public static BatonLookup Load(IBatonObjects objects, bool withEntitlements)
    {
        ArgumentNullException.ThrowIfNull(objects);
        return new BatonLookup(
            objects.ResourceTypes().ToDictionary(type => type.Id, StringComparer.Ordinal),
            objects.Resources().ToDictionary(resource => resource.Id.ToString(), StringComparer.Ordinal),
            withEntitlements ? objects.Entitlements().ToDictionary(entitlement => entitlement.Id, StringComparer.Ordinal) : []);
    }

    public BatonResource? Resource(BatonResourceId id) => _resources.GetValueOrDefault(id.ToString());

    public BatonEntitlement? Entitlement(string id) => _entitlements.GetValueOrDefault(id);

    public bool HasResourceType(string id) => Types.ContainsKey(id);

    public bool HasResource(BatonResourceId id) => _resources.ContainsKey(id.ToString());

    public bool HasEntitlement(string id) => _entitlements.ContainsKey(id);

    public string TypeName(string id) => Types.TryGetValue(id, out var type) && type.DisplayName.Length > 0 ? type.DisplayName : id;

    public string ResourceName(BatonResourceId id) => Resource(id)?.DisplayName ?? id.ToString();

    public string EntitlementName(string id) => Entitlement(id)?.DisplayName ?? id;
}
