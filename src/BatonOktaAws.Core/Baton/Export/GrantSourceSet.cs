using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Core.Baton.Export;

/// <summary>
/// Builds a grant's Baton <c>GrantSources</c>: entitlement ids, each marked direct when the principal holds that
/// entitlement itself. A source named twice stays direct if either naming is, as Baton's expander merges them.
/// </summary>
internal sealed class GrantSourceSet
{
    private readonly SortedDictionary<string, bool> _sources = new(StringComparer.Ordinal);

    public int Count => _sources.Count;

    public void Add(string entitlementId, bool isDirect)
    {
        _sources[entitlementId] = isDirect || (_sources.TryGetValue(entitlementId, out var existing) && existing);
    }

    /// <summary>
    /// Adds how a grant of <paramref name="entitlementId"/> is held, from its sync-file source: through a group its
    /// membership entitlement, otherwise the entitlement itself — both direct, since the principal holds each.
    /// </summary>
    /// <returns>The group the grant is held through, or null when it is held directly.</returns>
    public string? AddHeld(string entitlementId, string source)
    {
        var groupId = GrantSource.Parse(source).GroupId;
        Add(groupId is null ? entitlementId : EntitlementId.GroupMember(groupId).ToString(), isDirect: true);
        return groupId;
    }

    public IReadOnlyList<BatonGrantSource> ToList() => [.. _sources.Select(source => new BatonGrantSource(source.Key, source.Value))];
}
