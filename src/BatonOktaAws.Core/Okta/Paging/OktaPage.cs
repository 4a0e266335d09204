namespace BatonOktaAws.Core.Okta.Paging;

/// <summary>One page of a list: its items, the URL that fetched it and the next page's URL (null on the last page).</summary>
public sealed record OktaPage<T>(IReadOnlyList<T> Items, Uri RequestUri, Uri? Next);
