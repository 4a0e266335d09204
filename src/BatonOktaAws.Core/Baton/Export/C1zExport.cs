using BatonOktaAws.Store;
using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Core.Baton.Export;

/// <summary>
/// Writes one sync as a c1z v1 file, Baton's sync artifact (docs/c1z.md). The file appears in one rename when
/// everything is written; on any failure or cancellation the previous file at the path is left as it was.
/// </summary>
public static class C1zExport
{
    /// <exception cref="C1zException">The file cannot be written; the message names it.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was replaced.</exception>
    public static C1zWriteResult Write(SyncView sync, string path, TimeProvider time, CancellationToken cancellationToken, C1zWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sync);
        var export = new SyncExport(sync);
        using var writer = C1zWriter.Create(path, time, options);
        foreach (var resourceType in export.ResourceTypes())
        {
            writer.AddResourceType(resourceType);
        }

        foreach (var resource in export.Resources())
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.AddResource(resource);
        }

        foreach (var entitlement in export.Entitlements())
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.AddEntitlement(entitlement);
        }

        foreach (var grant in export.Grants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.AddGrant(grant);
        }

        return writer.Complete(cancellationToken);
    }
}
