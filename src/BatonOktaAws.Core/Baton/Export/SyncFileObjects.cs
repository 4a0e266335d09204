using BatonOktaAws.Store;
using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Core.Baton.Export;

/// <summary>A sync of a sync file, read through the same mapping the c1z export writes.</summary>
public sealed class SyncFileObjects : IBatonObjects
{
    private readonly SyncFileReader _reader;
    private readonly SyncExport _export;

    private SyncFileObjects(SyncFileReader reader, SyncView sync)
    {
        _reader = reader;
        _export = new SyncExport(sync);
        SyncDescription = $"sync {sync.SyncId} of the sync file";
    }

    public string Path => _reader.Path;

    public string SyncDescription { get; }

    /// <exception cref="SyncFileException">The file is not a usable sync file, or holds no sync <paramref name="syncId"/>.</exception>
    public static SyncFileObjects Open(string path, long? syncId)
    {
        var reader = SyncFileReader.Open(path);
        try
        {
            return new SyncFileObjects(reader, reader.Sync(syncId));
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    public IEnumerable<BatonResourceType> ResourceTypes() => _export.ResourceTypes();

    public IEnumerable<BatonResource> Resources(string? resourceType = null) => _export.Resources(resourceType);

    public IEnumerable<BatonEntitlement> Entitlements(string? resourceType = null) => _export.Entitlements(resourceType);

    public IEnumerable<BatonGrant> Grants(BatonGrantFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return _export.Grants(filter.Resource?.ResourceType ?? filter.ResourceType).Where(filter.Matches);
    }

    public C1zStats Stats()
    {
        var byType = _export.ResourceTypes().ToDictionary(type => type.Id, type => _export.Resources(type.Id).LongCount(), StringComparer.Ordinal);
        return new C1zStats(byType.Count, byType, _export.Entitlements().LongCount(), _export.Grants().LongCount());
    }

    public void Dispose() => _reader.Dispose();
}
