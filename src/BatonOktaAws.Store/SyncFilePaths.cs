namespace BatonOktaAws.Store;

/// <summary>
/// The files around one sync target: the target itself, the partial file a sync writes before renaming it
/// into place, and the lock file that keeps two syncs of the same target apart.
/// </summary>
public sealed record SyncFilePaths
{
    public SyncFilePaths(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        Target = FollowLinks(Path.GetFullPath(target));
        Partial = Target + ".partial";
        Lock = Target + ".lock";
        Amendment = Target + ".amend";
    }

    public string Target { get; }
    public string Partial { get; }
    public string Lock { get; }

    /// <summary>
    /// Where an amendment of a finished sync (e.g. <c>aws-iam import</c>) is written before it replaces the target:
    /// apart from <see cref="Partial"/>, so an interrupted sync waiting for <c>--resume</c> is never touched.
    /// </summary>
    public string Amendment { get; }

    /// <summary>
    /// The file a symbolic link leads to (through any chain of links), so a finished sync is renamed onto that file
    /// and the link (e.g. <c>current.db</c> pointing at this quarter's file) stays a link — not replaced by a regular
    /// file that leaves its target stale. The partial and lock files then sit beside the real file, on its file system.
    /// </summary>
    private static string FollowLinks(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is null ? path : File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
        }
        catch (IOException)
        {
            // A loop of links: left as it is, for the target check to report.
            return path;
        }
    }

    /// <summary>SQLite's own side files of a database file (write-ahead log, shared memory, rollback journal).</summary>
    public static IEnumerable<string> SideFilesOf(string database) => [database + "-wal", database + "-shm", database + "-journal"];
}
