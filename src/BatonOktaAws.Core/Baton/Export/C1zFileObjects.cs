using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Core.Baton.Export;

/// <summary>A c1z file — ours or any Baton connector's — read at the sync Baton itself would show.</summary>
public sealed class C1zFileObjects : IBatonObjects
{
    private readonly C1zReader _reader;

    private C1zFileObjects(string path, C1zReader reader)
    {
        Path = path;
        _reader = reader;
    }

    public string Path { get; }

    public string SyncDescription => $"{_reader.Sync.Type} sync {_reader.Sync.Id} of the c1z";

    /// <exception cref="C1zException">The file is not a readable c1z v1.</exception>
    public static C1zFileObjects Open(string path) => new(System.IO.Path.GetFullPath(path), C1zReader.Open(path));

    public IEnumerable<BatonResourceType> ResourceTypes() => _reader.ReadResourceTypes();

    public IEnumerable<BatonResource> Resources(string? resourceType = null) => _reader.ReadResources(resourceType);

    public IEnumerable<BatonEntitlement> Entitlements(string? resourceType = null) =>
        _reader.ReadEntitlements().Where(entitlement => resourceType is null || entitlement.Resource.ResourceType == resourceType);

    public IEnumerable<BatonGrant> Grants(BatonGrantFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return _reader.ReadGrants(new C1zGrantQuery(filter.EntitlementId, filter.Resource)).Where(filter.Matches);
    }

    public C1zStats Stats() => _reader.ReadStats();

    public void Dispose() => _reader.Dispose();
}
