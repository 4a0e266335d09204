namespace BatonOktaAws.Cli;

/// <summary>An <c>access</c> filter names a user, account or role the sync file does not hold. Exit code 3.</summary>
public sealed class NotInSyncFileException : Exception
{
    public NotInSyncFileException()
    {
    }

    public NotInSyncFileException(string message)
        : base(message)
    {
    }

    public NotInSyncFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
