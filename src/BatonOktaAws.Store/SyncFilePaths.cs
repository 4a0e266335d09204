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
        Target = Path.GetFullPath(target);
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

    /// <summary>SQLite's own side files of a database file (write-ahead log, shared memory, rollback journal).</summary>
    public static IEnumerable<string> SideFilesOf(string database) => [database + "-wal", database + "-shm", database + "-journal"];
}
