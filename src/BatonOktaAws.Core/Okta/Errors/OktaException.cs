namespace BatonOktaAws.Core.Okta.Errors;

/// <summary>
/// Something went wrong talking to Okta. Messages are one line, name the request (method and path) and
/// never contain the API token.
/// </summary>
public class OktaException : Exception
{
    public OktaException()
    {
    }

    public OktaException(string message)
        : base(message)
    {
    }

    public OktaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
