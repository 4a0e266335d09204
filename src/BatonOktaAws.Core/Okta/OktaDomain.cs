using System.Net;

namespace BatonOktaAws.Core.Okta;

/// <summary>
/// The Okta org to talk to, as an origin (<c>https://acme.okta.com</c>). Only https is accepted, except plain
/// http to a loopback host so the bundled simulator can be used.
/// </summary>
public sealed class OktaDomain
{
    private OktaDomain(Uri baseUri) => BaseUri = baseUri;

    public Uri BaseUri { get; }

    public string Host => BaseUri.Authority;

    /// <summary>Parses <c>acme.okta.com</c>, <c>https://acme.okta.com</c> or <c>http://127.0.0.1:8080</c>.</summary>
    /// <exception cref="FormatException">The domain is not a bare host or an https/loopback-http origin.</exception>
    public static OktaDomain Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        if (text.Length == 0)
        {
            throw new FormatException("The Okta domain is empty.");
        }

        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException($"'{value}' is not an Okta domain (expected e.g. acme.okta.com or https://acme.okta.com).");
        }

        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.AbsolutePath != "/")
        {
            throw new FormatException($"'{value}' must be just the Okta origin, without a path, query or credentials.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            throw new FormatException($"'{value}' uses plain http; Okta domains must use https (http is allowed only for 127.0.0.1, localhost or [::1]).");
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new FormatException($"'{value}' uses {uri.Scheme}; Okta domains must use https.");
        }

        return new OktaDomain(new Uri(uri.GetLeftPart(UriPartial.Authority)));
    }

    /// <summary>True when the URI points at this org (same scheme, host and port): only then may the token go with it.</summary>
    public bool IsSameOrigin(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsAbsoluteUri
            && string.Equals(uri.Scheme, BaseUri.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Host, BaseUri.Host, StringComparison.OrdinalIgnoreCase)
            && uri.Port == BaseUri.Port;
    }

    public override string ToString() => BaseUri.GetLeftPart(UriPartial.Authority);

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback
        || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
