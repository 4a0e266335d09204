namespace BatonOktaAws.Store.C1z;

/// <summary>How much one sync run of a c1z holds, as Baton's <c>stats</c> counts it.</summary>
public sealed record C1zStats(long ResourceTypes, IReadOnlyDictionary<string, long> ResourcesByType, long Entitlements, long Grants)
{
    public long Resources => ResourcesByType.Values.Sum();
}
