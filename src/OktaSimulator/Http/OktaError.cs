namespace OktaSimulator.Http;

/// <summary>An error the way Okta reports it: an HTTP status and the body's error code and summary.</summary>
public sealed record OktaError(int Status, string ErrorCode, string ErrorSummary, IReadOnlyList<string>? Causes = null)
{
    public static OktaError InvalidToken() =>
        new(401, "E0000011", "Invalid token provided");

    public static OktaError NotFound(string id, string type) =>
        new(404, "E0000007", $"Not found: Resource not found: {id} ({type})");

    public static OktaError RouteNotFound() =>
        new(404, "E0000022", "The endpoint does not support the provided HTTP method");

    public static OktaError RateLimited() =>
        new(429, "E0000047", "API call exceeded rate limit due to too many requests.");

    public static OktaError ConcurrencyLimited() =>
        new(429, "E0000047", "API call exceeded rate limit due to too many concurrent requests.");

    public static OktaError ValidationFailed(string cause) =>
        new(400, "E0000001", "Api validation failed: " + cause, [cause]);

    public static OktaError InvalidSearch(string cause) =>
        new(400, "E0000031", "Invalid search criteria.", [cause]);

    public static OktaError Forbidden(string cause) =>
        new(403, "E0000006", "You do not have permission to perform the requested action", [cause]);

    /// <summary>The contract's ErrorAccessDenied example: E0000006 with no causes.</summary>
    public static OktaError AccessDenied() =>
        new(403, "E0000006", "You do not have permission to perform the requested action");

    public static OktaError InternalError() =>
        new(500, "E0000009", "Internal Server Error");
}

/// <summary>Thrown by the org model when a request cannot be served; endpoints turn it into Okta's error body.</summary>
public sealed class OktaErrorException : Exception
{
    public OktaErrorException(OktaError error)
        : base(error.ErrorSummary)
    {
        Error = error;
    }

    public OktaErrorException()
        : this(OktaError.InternalError())
    {
    }

    public OktaErrorException(string message)
        : this(OktaError.ValidationFailed(message))
    {
    }

    public OktaErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = OktaError.InternalError();
    }

    public OktaError Error { get; }
}
