namespace BatonOktaAws.Store;

/// <summary>
/// An exclusive advisory lock on <c>&lt;target&gt;.lock</c>, held for a whole sync or provisioning run. The OS
/// drops it when the process dies (even by SIGKILL), so a stale lock file is harmless and stays in place.
/// </summary>
public sealed class SyncFileLock : IDisposable
{
    private readonly FileStream _stream;

    private SyncFileLock(FileStream stream) => _stream = stream;

    /// <exception cref="SyncFileLockedException">Another process holds the lock.</exception>
    public static SyncFileLock Acquire(SyncFilePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        Directory.CreateDirectory(Path.GetDirectoryName(paths.Lock)!);
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

            return new SyncFileLock(new FileStream(paths.Lock, options));
        }
        catch (IOException ex)
        {
            throw new SyncFileLockedException($"Another baton-okta-aws run is using {paths.Target} (its lock {paths.Lock} is held); wait for it to finish.", ex);
        }
    }

    public void Dispose() => _stream.Dispose();
}
