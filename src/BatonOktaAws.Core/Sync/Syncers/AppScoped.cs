using System.Runtime.CompilerServices;
using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta.Errors;

namespace BatonOktaAws.Core.Sync.Syncers;

/// <summary>
/// Names the app when Okta refuses a list that belongs to one app (a 403 on its users, a 404), so a sync of twenty
/// apps says which one failed. A rejected token is about the token, not the app, and keeps its own message; a
/// request that kept failing already names its path, app id included.
/// </summary>
internal static class AppScoped
{
    public static async IAsyncEnumerable<T> Wrap<T>(AwsAppContext app, IAsyncEnumerable<T> pages, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var enumerator = pages.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            bool more;
            try
            {
                more = await enumerator.MoveNextAsync().ConfigureAwait(false);
            }
            catch (OktaApiException ex) when (!ex.IsUnauthorized)
            {
                throw new AwsAppException($"App {app.Describe()}: {ex.Message}", ex);
            }

            if (!more)
            {
                yield break;
            }

            yield return enumerator.Current;
        }
    }
}
