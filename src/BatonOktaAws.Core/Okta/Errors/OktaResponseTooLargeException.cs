namespace BatonOktaAws.Core.Okta.Errors;

/// <summary>
/// Okta's answer went past the client's response size limit (<see cref="OktaClientOptions.MaxResponseBytes"/>).
/// Deterministic for the same request and limit, so not retried; the caller decides how to name the setting that
/// raises the limit.
/// </summary>
public sealed class OktaResponseTooLargeException : OktaException
{
    public OktaResponseTooLargeException()
    {
    }

    public OktaResponseTooLargeException(string message)
        : base(message)
    {
    }

    public OktaResponseTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <param name="request">The request, as the client describes it (method and path).</param>
    /// <param name="limitBytes">The limit the body went past.</param>
    public OktaResponseTooLargeException(string request, long limitBytes)
        : base($"Okta's answer to {request} is larger than {Mebibytes(limitBytes)}, the most the client reads of one response; stopped reading it.")
    {
        LimitBytes = limitBytes;
    }

    /// <summary>The limit the body went past.</summary>
    public long LimitBytes { get; }

    private static string Mebibytes(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes} bytes";
}
