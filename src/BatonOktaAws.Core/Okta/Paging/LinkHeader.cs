using System.Text.RegularExpressions;

namespace BatonOktaAws.Core.Okta.Paging;

/// <summary>Finds <c>rel="next"</c> in Okta's <c>Link</c> headers (one header per link, or several comma-separated).</summary>
internal static partial class LinkHeader
{
    public static Uri? FindNext(IEnumerable<string> linkHeaderValues)
    {
        foreach (var value in linkHeaderValues)
        {
            foreach (Match match in LinkPattern().Matches(value))
            {
                if (string.Equals(match.Groups["rel"].Value, "next", StringComparison.OrdinalIgnoreCase)
                    && Uri.TryCreate(match.Groups["url"].Value, UriKind.Absolute, out var uri))
                {
                    return uri;
                }
            }
        }

        return null;
    }

    [GeneratedRegex("""<(?<url>[^>]*)>\s*;\s*rel\s*=\s*"?(?<rel>[^";,\s]+)"?""", RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();
}
