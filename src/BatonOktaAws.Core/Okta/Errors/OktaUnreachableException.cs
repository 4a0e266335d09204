namespace BatonOktaAws.Core.Okta.Errors;

/// <summary>
/// Okta could not be reached for a reason that waiting will not fix — a host name that does not resolve, a
/// failed TLS handshake, nothing listening on a loopback port — so the request was not retried.
/// </summary>
public sealed class OktaUnreachableException : OktaException
{
    public OktaUnreachableException()
    {
    }

    public OktaUnreachableException(string message)
        : base(message)
    {
    }

    public OktaUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
