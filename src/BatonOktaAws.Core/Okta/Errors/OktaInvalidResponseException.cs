namespace BatonOktaAws.Core.Okta.Errors;

/// <summary>
/// Okta answered with content the connector cannot use — an object without its id, an id with forbidden
/// characters, a next link to another host. Deterministic, so not retried.
/// </summary>
public sealed class OktaInvalidResponseException : OktaException
{
    public OktaInvalidResponseException()
    {
    }

    public OktaInvalidResponseException(string message)
        : base(message)
    {
    }

    public OktaInvalidResponseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
