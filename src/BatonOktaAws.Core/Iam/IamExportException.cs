namespace BatonOktaAws.Core.Iam;

/// <summary>
/// An IAM export cannot be used: not an export, truncated or corrupt, a CSV that is not a credential report, or
/// two exports that disagree about one account. The message is one line and names the file.
/// </summary>
public sealed class IamExportException : Exception
{
    public IamExportException()
    {
    }

    public IamExportException(string message)
        : base(message)
    {
    }

    public IamExportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
