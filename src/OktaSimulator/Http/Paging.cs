using System.Text;
using Microsoft.AspNetCore.Http;

namespace OktaSimulator.Http;

/// <summary>Cursor paging over ids in ordinal order, and the <c>Link</c> headers Okta sends with each page.</summary>
internal static class Paging
{
    /// <summary>Takes up to <c>limit</c> ids after the cursor from an ordinal-sorted list.</summary>
    public static (List<string> Ids, bool HasMore) Slice(IReadOnlyList<string> sortedIds, PageRequest page)
    {
        var start = page.After is null ? 0 : FirstAfter(sortedIds, page.After);
        var end = Math.Min(sortedIds.Count, start + page.Limit);
        var ids = new List<string>(Math.Max(0, end - start));
        for (var i = start; i < end; i++)
        {
            ids.Add(sortedIds[i]);
        }

        return (ids, end < sortedIds.Count);
    }

    /// <summary>Takes up to <c>limit</c> ids after the cursor that satisfy a filter, from an ordinal-sorted list.</summary>
    public static (List<string> Ids, bool HasMore) Slice(IReadOnlyList<string> sortedIds, PageRequest page, Func<string, bool> include)
    {
        var ids = new List<string>(Math.Min(page.Limit, 1024));
        for (var i = page.After is null ? 0 : FirstAfter(sortedIds, page.After); i < sortedIds.Count; i++)
        {
            if (!include(sortedIds[i]))
            {
                continue;
            }

            if (ids.Count == page.Limit)
            {
                return (ids, true);
            }

            ids.Add(sortedIds[i]);
        }

        return (ids, false);
    }

    /// <summary>Takes up to <c>limit</c> items after the cursor from an ordinal-sorted sequence.</summary>
    public static (List<T> Items, bool HasMore) Slice<T>(IEnumerable<T> sorted, Func<T, string> id, PageRequest page)
    {
        var items = new List<T>(Math.Min(page.Limit, 1024));
        foreach (var item in sorted)
        {
            if (page.After is not null && string.CompareOrdinal(id(item), page.After) <= 0)
            {
                continue;
            }

            if (items.Count == page.Limit)
            {
                return (items, true);
            }

            items.Add(item);
        }

        return (items, false);
    }

    /// <summary>Members after the cursor, read from a sorted set without walking the members before it.</summary>
    public static (List<string> Ids, bool HasMore) Slice(SortedSet<string> members, PageRequest page)
    {
        IEnumerable<string> view = page.After is null || members.Count == 0
            ? members
            : string.CompareOrdinal(page.After, members.Max) >= 0
                ? []
                : members.GetViewBetween(page.After, members.Max!);
        return Slice(view, static s => s, page);
    }

    /// <summary>Sets <c>Link: &lt;...&gt;; rel="self"</c> and, while more pages remain, <c>rel="next"</c>.</summary>
    public static void SetLinks(HttpContext context, PageRequest page, string? lastId, bool hasMore)
    {
        var request = context.Request;
        var basePath = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
        var links = new List<string> { $"<{basePath}{request.QueryString}>; rel=\"self\"" };
        if (hasMore && lastId is not null)
        {
            var query = new StringBuilder();
            foreach (var (key, values) in request.Query)
            {
                if (key is "after" or "limit")
                {
                    continue;
                }

                foreach (var value in values)
                {
                    query.Append(query.Length == 0 ? '?' : '&')
                        .Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value ?? string.Empty));
                }
            }

            query.Append(query.Length == 0 ? '?' : '&').Append("limit=").Append(page.Limit)
                .Append("&after=").Append(Uri.EscapeDataString(lastId));
            links.Add($"<{basePath}{query}>; rel=\"next\"");
        }

        context.Response.Headers.Append("Link", links.ToArray());
    }

    /// <summary>
    /// The <c>_links.next.href</c> of a list that pages in its body (the <c>/api/v1/iam</c> lists): this request's
    /// URL with <c>after</c> set to the last id served, or null on the last page.
    /// </summary>
    public static string? NextHref(HttpContext context, PageRequest page, string? lastId, bool hasMore)
    {
        if (!hasMore || lastId is null)
        {
            return null;
        }

        var request = context.Request;
        var query = new StringBuilder();
        foreach (var (key, values) in request.Query)
        {
            if (key is "after" or "limit")
            {
                continue;
            }

            foreach (var value in values)
            {
                query.Append(query.Length == 0 ? '?' : '&')
                    .Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value ?? string.Empty));
            }
        }

        query.Append(query.Length == 0 ? '?' : '&').Append("after=").Append(Uri.EscapeDataString(lastId))
            .Append("&limit=").Append(page.Limit);
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{query}";
    }

    private static int FirstAfter(IReadOnlyList<string> sorted, string after)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(sorted[mid], after) <= 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
