namespace BatonOktaAws.Store;

/// <summary>A sync file cannot be used: missing, not ours, corrupt, from a newer version, or locked. One-line messages.</summary>
public class SyncFileException : Exception
{
    public SyncFileException()
    {
    }

    public SyncFileException(string message)
        : base(message)
    {
    }

    public SyncFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Another process holds the sync file's lock.</summary>
public sealed class SyncFileLockedException : SyncFileException
{
    public SyncFileLockedException()
    {
    }

    public SyncFileLockedException(string message)
        : base(message)
    {
    }

    public SyncFileLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
