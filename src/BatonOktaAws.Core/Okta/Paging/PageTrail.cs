using BatonOktaAws.Core.Okta.Errors;

namespace BatonOktaAws.Core.Okta.Paging;

/// <summary>
/// The pages one list has read, so a list whose next link does not advance stops with an error instead of
/// looping and spending the rate limit forever: a link back to a page already read (the same cursor again),
/// or more empty pages in a row than any real list has, each linking on.
/// </summary>
internal sealed class PageTrail
{
    /// <summary>Okta's cursors always move on; a few empty pages can come from filtered lists, ten in a row do not.</summary>
    public const int MaxEmptyPagesInARow = 10;

    private readonly HashSet<string> _followed = new(StringComparer.Ordinal);
    private int _emptyInARow;
    private int _pages;

    public PageTrail(Uri first) => _followed.Add(Key(first));

    /// <summary>Records a page just read; throws when its next link leads nowhere new.</summary>
    public void Record(OktaRequest request, int items, Uri? next)
    {
        _pages++;
        if (next is null)
        {
            return;
        }

        _emptyInARow = items == 0 ? _emptyInARow + 1 : 0;
        if (_emptyInARow >= MaxEmptyPagesInARow)
        {
            throw new OktaInvalidResponseException($"Okta answered {MaxEmptyPagesInARow} empty pages in a row to {request.Description}, each linking to another; stopped the list rather than page on.");
        }

        if (!_followed.Add(Key(next)))
        {
            throw new OktaInvalidResponseException($"Okta's next-page link for {request.Description} leads back to a page this list already read; stopped the list after {_pages} page{(_pages == 1 ? string.Empty : "s")} rather than loop.");
        }
    }

    /// <summary>The path and the <c>after</c> cursor: the same cursor is the same page, whatever else the link carries.</summary>
    private static string Key(Uri uri)
    {
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && string.Equals(pair[..equals], "after", StringComparison.Ordinal))
            {
                return uri.AbsolutePath + "?after=" + Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return uri.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped);
    }
}
