namespace BatonOktaAws.Core.Okta;

/// <summary>
/// An Okta API token. It only ever leaves this type as the <c>Authorization</c> header value; printing it
/// (logs, exceptions, string interpolation) shows a redacted placeholder.
/// </summary>
public sealed class OktaApiToken
{
    private readonly string _value;

    private OktaApiToken(string value) => _value = value;

    /// <exception cref="FormatException">The token is empty, or contains whitespace, control or non-ASCII characters.</exception>
    public static OktaApiToken Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            throw new FormatException("The Okta API token is empty.");
        }

        // Refuse anything that could split or smuggle a header, without echoing the token.
        if (trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new FormatException("The Okta API token contains whitespace or control characters.");
        }

        // An HTTP header carries ASCII only: such a token could never be sent, and would otherwise fail each attempt.
        if (!System.Text.Ascii.IsValid(trimmed))
        {
            throw new FormatException("The Okta API token contains non-ASCII characters (Okta's tokens are ASCII: check the copy, e.g. for a typographic quote).");
        }

        return new OktaApiToken(trimmed);
    }

    internal string AuthorizationHeaderValue => "SSWS " + _value;

    /// <summary>True when <paramref name="text"/> contains the token (used to prove it never leaks).</summary>
    public bool AppearsIn(string? text) => text is not null && text.Contains(_value, StringComparison.Ordinal);

    public override string ToString() => "SSWS [redacted]";
}
