namespace BatonOktaAws.Core.Baton.Export;

/// <summary>Opens a file holding a sync in Baton's model: a c1z when it starts with Baton's C1Z header, else a sync file.</summary>
public static class BatonObjectsFile
{
    /// <summary>Whether <paramref name="path"/> names an existing c1z file (any version: the reader names the one it cannot read).</summary>
    public static bool IsC1z(string path) => File.Exists(path) && C1zTarget.IsC1z(path);

    /// <param name="syncId">Which sync of a sync file to read; a c1z is read at the sync Baton shows.</param>
    /// <remarks>A missing file named <c>*.c1z</c> is reported as a missing c1z, not as a missing sync file.</remarks>
    public static IBatonObjects Open(string path, long? syncId) =>
        IsC1z(path) || (!File.Exists(path) && path.EndsWith(".c1z", StringComparison.OrdinalIgnoreCase))
            ? C1zFileObjects.Open(path)
            : SyncFileObjects.Open(path, syncId);
}
