namespace BatonOktaAws.Store.C1z;

/// <summary>A c1z file could not be read or written; the message is one line and names the file.</summary>
public sealed class C1zException : Exception
{
    public C1zException()
    {
    }

    public C1zException(string message)
        : base(message)
    {
    }

    public C1zException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
