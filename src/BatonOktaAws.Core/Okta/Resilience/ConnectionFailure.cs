using System.Net;
using System.Net.Sockets;

namespace BatonOktaAws.Core.Okta.Resilience;

/// <summary>
/// Sorts the failures to connect into those worth retrying (a reset, a refused remote port that a load balancer
/// may reopen, a DNS server that answered "try again") and those that will not go away by waiting: nothing
/// listening on a loopback port, a host name that does not resolve, a failed TLS handshake.
/// </summary>
internal static class ConnectionFailure
{
    /// <summary>Why retrying cannot help, in words for a message; null when the failure may be transient.</summary>
    public static string? Permanent(HttpRequestException exception, Uri uri)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var socket = Innermost<SocketException>(exception);
        return exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError when socket?.SocketErrorCode != SocketError.TryAgain =>
                $"the host name does not resolve ({Detail(exception)})",
            HttpRequestError.SecureConnectionError =>
                $"the TLS handshake failed ({Detail(exception)})",
            HttpRequestError.ConnectionError when socket?.SocketErrorCode == SocketError.ConnectionRefused && IsLoopback(uri) =>
                "nothing accepts connections there (connection refused)",
            _ => null,
        };
    }

    /// <summary>
    /// A failure that may go away, in words for a retry warning or the final error: "the connection to Okta broke
    /// before the answer was complete (Connection reset by peer)" — not .NET's "An error occurred while sending the
    /// request.", which says neither what broke nor why.
    /// </summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var what = exception switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "could not connect to Okta",
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "the host name did not resolve for now",
            HttpRequestException or IOException => "the connection to Okta broke before the answer was complete",
            _ => "the exchange with Okta failed",
        };
        return $"{what} ({Detail(exception)})";
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>The innermost exception's message, on one line and without a trailing full stop.</summary>
    private static string Detail(Exception exception)
    {
        var inner = exception;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        var text = string.Join(' ', inner.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return text.TrimEnd('.');
    }

    private static T? Innermost<T>(Exception exception)
        where T : Exception
    {
        T? found = null;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                found = match;
            }
        }

        return found;
    }
}
