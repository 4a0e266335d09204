using System.Runtime.CompilerServices;
using BatonOktaAws.Core.Okta.Errors;
using BatonOktaAws.Core.Okta.Paging;

namespace BatonOktaAws.Core.Sync.Syncers;

/// <summary>
/// The roles API's lists, each page enriched with the reads its items need (a holder's roles, a custom role's
/// permissions). Okta answers 403 to a token that may not read roles: that ends the list with an empty last page
/// and is reported, so the sync records the gap instead of failing.
/// </summary>
internal static class AdminPages
{
    public static async IAsyncEnumerable<OktaPage<TOut>> ReadAsync<TIn, TOut>(
        IAsyncEnumerable<OktaPage<TIn>> pages,
        Func<OktaPage<TIn>, CancellationToken, Task<IReadOnlyList<TOut>>> read,
        Action<OktaApiException> refused,
        Uri where,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var enumerator = pages.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            OktaPage<TOut> page;
            try
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }

                var current = enumerator.Current;
                page = new OktaPage<TOut>(await read(current, cancellationToken).ConfigureAwait(false), current.RequestUri, current.Next);
            }
            catch (OktaApiException ex) when (ex.IsForbidden)
            {
                refused(ex);
                page = new OktaPage<TOut>([], where, null);
            }

            yield return page;
            if (page.Next is null)
            {
                yield break;
            }
        }
    }
}
