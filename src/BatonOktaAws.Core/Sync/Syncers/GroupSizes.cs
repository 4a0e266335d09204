using System.Collections.Concurrent;

namespace BatonOktaAws.Core.Sync.Syncers;

/// <summary>
/// How many members Okta says each group has (<c>_embedded.stats.usersCount</c> of <c>/api/v1/groups?expand=stats</c>),
/// so a progress display can count a group's members against a total. Only for display: Okta computes the
/// stats apart from the member list, so they can lag behind it.
/// </summary>
internal sealed class GroupSizes
{
    private readonly ConcurrentDictionary<string, int> _sizes = new(StringComparer.Ordinal);

    public void Know(string groupId, int usersCount) => _sizes[groupId] = usersCount;

    /// <summary>The members of all <paramref name="groupIds"/> together, or null while any of their sizes is unknown.</summary>
    public long? TotalOf(IEnumerable<string> groupIds)
    {
        long total = 0;
        foreach (var id in groupIds)
        {
            if (!_sizes.TryGetValue(id, out var size))
            {
                return null;
            }

            total += size;
        }

        return total;
    }
}
