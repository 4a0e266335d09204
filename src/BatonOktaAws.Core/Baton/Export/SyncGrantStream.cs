using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Baton.Export;

/// <summary>
/// Streams a sync's grants together with their sources: both come from SQLite in grant-id order, so one pass over
/// each, side by side, pairs them without holding either in memory.
/// </summary>
internal static class SyncGrantStream
{
    public static IEnumerable<SyncGrant> Read(SyncView sync)
    {
        using var sources = sync.GrantSources().GetEnumerator();
        var pending = sources.MoveNext() ? sources.Current : null;
        foreach (var grant in sync.Grants())
        {
            var held = new List<GrantSourceRecord>(1);

            // Ids are ASCII (Okta ids, account numbers, IAM role names), where SQLite's BINARY order is ordinal order.
            while (pending is not null && string.CompareOrdinal(pending.GrantId, grant.Id) <= 0)
            {
                if (pending.GrantId == grant.Id)
                {
                    held.Add(pending);
                }

                pending = sources.MoveNext() ? sources.Current : null;
            }

            yield return new SyncGrant(grant, held);
        }
    }
}
