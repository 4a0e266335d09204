namespace BatonOktaAws.Store;

/// <summary>
/// An exclusive advisory lock on <c>&lt;target&gt;.lock</c>, held for a whole sync or provisioning run. The OS
/// drops it when the process dies (even by SIGKILL), so a stale lock file is harmless; a run that ends normally
/// removes the file while it still holds the lock, so it does not outlive the run.
/// </summary>
public sealed class SyncFileLock : IDisposable
{
    private readonly FileStream _stream;
    private readonly string _path;

    private SyncFileLock(FileStream stream, string path)
    {
        _stream = stream;
        _path = path;
    }

    /// <exception cref="SyncFileLockedException">Another process holds the lock.</exception>
    public static SyncFileLock Acquire(SyncFilePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate,
                Access = FileAccess.ReadWrite,
                Share = FileShare.None,
            };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            return new SyncFileLock(new FileStream(paths.Lock, options), paths.Lock);
        }
        catch (IOException ex)
        {
            throw new SyncFileLockedException($"Another baton-okta-aws run is using {paths.Target} (its lock {paths.Lock} is held); wait for it to finish.", ex);
        }
    }

    public void Dispose()
    {
        // Unlink before closing: a run that opens the path afterwards creates a fresh file and lock, never one
        // whose lock is about to be released by us.
        try
        {
            File.Delete(_path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover lock file is harmless; the lock itself goes with the handle.
        }

        _stream.Dispose();
    }
}
