using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Core.Baton.Export;

/// <summary>
/// One sync in Baton's model, whether read from a sync file (mapped as the c1z export maps it) or from a c1z:
/// what <c>resources</c>, <c>entitlements</c>, <c>grants</c> and <c>stats</c> list.
/// </summary>
public interface IBatonObjects : IDisposable
{
    /// <summary>The file read.</summary>
    string Path { get; }

    /// <summary>Which sync of the file is read, in words (e.g. "sync 7 of the sync file").</summary>
    string SyncDescription { get; }

    IEnumerable<BatonResourceType> ResourceTypes();

    IEnumerable<BatonResource> Resources(string? resourceType = null);

    IEnumerable<BatonEntitlement> Entitlements(string? resourceType = null);

    IEnumerable<BatonGrant> Grants(BatonGrantFilter filter);

    /// <summary>Counts as Baton's <c>stats</c> shows them.</summary>
    C1zStats Stats();
}
