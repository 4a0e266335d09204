namespace BatonOktaAws.Store.C1z;

/// <summary>What <see cref="C1zWriter.Complete"/> wrote.</summary>
/// <param name="DatabaseBytes">Size of the SQLite database inside the file, before compression.</param>
/// <param name="FileBytes">Size of the c1z file.</param>
public sealed record C1zWriteResult(
    string Path,
    string SyncId,
    long ResourceTypes,
    long Resources,
    long Entitlements,
    long Grants,
    long DatabaseBytes,
    long FileBytes);
