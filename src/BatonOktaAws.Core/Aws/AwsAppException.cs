namespace BatonOktaAws.Core.Aws;

/// <summary>An AWS app cannot be used as asked: missing, not <c>amazon_aws</c>, misconfigured, or unreadable. The message names the app.</summary>
public sealed class AwsAppException : Exception
{
    public AwsAppException()
    {
    }

    public AwsAppException(string message)
        : base(message)
    {
    }

    public AwsAppException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
