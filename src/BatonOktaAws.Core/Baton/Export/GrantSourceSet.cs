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

    public IReadOnlyList<BatonGrantSource> ToList() => [.. _sources.Select(source => new BatonGrantSource(source.Key, source.Value))];
}
