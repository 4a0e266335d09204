namespace BatonOktaAws.Core.Okta.Responses;

/// <summary>The body went past <see cref="BoundedResponseStream.Limit"/>.</summary>
internal sealed class ResponseTooLargeException : Exception
{
    public ResponseTooLargeException()
        : base("The response body is larger than the client reads.")
    {
    }

    public ResponseTooLargeException(string message)
        : base(message)
    {
    }

    public ResponseTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
