using BatonOktaAws.Store;
using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Core.Baton.Export;

/// <summary>
/// One sync of a sync file in Baton's model (docs/c1z.md): resource types, resources, entitlements and grants, as a
/// finished and expanded Baton sync holds them. Streams what can be large; each call reads the file again.
/// </summary>
public sealed class SyncExport
{
    private readonly ExportContext _context;
    private readonly IReadOnlyList<IResourceTypeExport> _types;

    public SyncExport(SyncView sync, IReadOnlyList<IResourceTypeExport>? types = null)
    {
        _context = new ExportContext(sync);
        _types = types ?? ExportedTypes.All;
    }

    public SyncView Sync => _context.Sync;

    public IEnumerable<BatonResourceType> ResourceTypes() => _types.Select(type => type.ResourceType);

    /// <summary>Every resource, or those of one resource type (none for a type that is not exported).</summary>
    public IEnumerable<BatonResource> Resources(string? resourceType = null) => Of(resourceType).SelectMany(type => type.Resources(_context));

    /// <summary>Every entitlement, or those on resources of one resource type.</summary>
    public IEnumerable<BatonEntitlement> Entitlements(string? resourceType = null) => Of(resourceType).SelectMany(type => type.Entitlements(_context));

    /// <summary>Every grant, or those of entitlements on resources of one resource type.</summary>
    public IEnumerable<BatonGrant> Grants(string? resourceType = null) => Of(resourceType).SelectMany(type => type.Grants(_context));

    private IEnumerable<IResourceTypeExport> Of(string? resourceType) =>
        resourceType is null ? _types : _types.Where(type => type.ResourceType.Id == resourceType);
}
