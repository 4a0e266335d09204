namespace BatonOktaAws.Core.Sync;

/// <summary>A sync cannot go on for a reason the user can fix; the message says which and how.</summary>
public sealed class SyncException : Exception
{
    public SyncException()
    {
    }

    public SyncException(string message)
        : base(message)
    {
    }

    public SyncException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
