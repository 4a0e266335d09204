namespace BatonOktaAws.Core.Okta.Errors;

/// <summary>Okta refused a request with a 4xx status other than 429: retrying would not help.</summary>
public sealed class OktaApiException : OktaException
{
    public OktaApiException(string request, int status, string? errorCode, string? errorSummary)
        : base(Describe(request, status, errorCode, errorSummary))
    {
        Request = request;
        Status = status;
        ErrorCode = errorCode;
        ErrorSummary = errorSummary;
    }

    public OktaApiException()
    {
        Request = string.Empty;
    }

    public OktaApiException(string message)
        : base(message)
    {
        Request = string.Empty;
    }

    public OktaApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Request = string.Empty;
    }

    /// <summary>Method and path, e.g. <c>GET /api/v1/apps/0oa1</c>.</summary>
    public string Request { get; }
    public int Status { get; }
    public string? ErrorCode { get; }
    public string? ErrorSummary { get; }

    public bool IsNotFound => Status == 404;
    public bool IsUnauthorized => Status == 401;
    public bool IsForbidden => Status == 403;

    private static string Describe(string request, int status, string? errorCode, string? errorSummary)
    {
        var code = errorCode is null ? string.Empty : " " + errorCode;
        var summary = string.IsNullOrWhiteSpace(errorSummary) ? string.Empty : ": " + OktaId.Printable(errorSummary);
        return $"Okta answered {status}{code} to {request}{summary}";
    }
}
