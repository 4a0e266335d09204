using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Review;

/// <summary>Since when an access row has been there, as far as the syncs a file keeps can tell.</summary>
/// <param name="Since">When the earliest sync of the unbroken run of syncs holding the row started.</param>
/// <param name="AtLeast">True when that is the oldest sync the file keeps: the row may be older still.</param>
public sealed record RowAge(DateTimeOffset Since, bool AtLeast);

/// <summary>
/// For each access row of a sync, the earliest kept sync from which it has been present without a break. Only the
/// syncs the file keeps (<c>--keep-syncs</c>) can tell; a row present in the oldest of them is "since at least" then.
/// </summary>
public static class AccessHistory
{
    public static IReadOnlyDictionary<(string UserId, string AppId, string AccountId, string Role, string Source), RowAge> Of(SyncFileReader file, SyncView sync)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(sync);
        var older = file.Syncs().Where(s => s.Id <= sync.SyncId).ToList();
        var result = new Dictionary<(string, string, string, string, string), RowAge>();
        var alive = sync.Access(new AccessFilter()).Select(Key).ToHashSet();
        foreach (var key in alive)
        {
            result[key] = new RowAge(sync.Run.StartedAt, older.Count == 1);
        }

        // Walk back one sync at a time while rows keep being there.
        foreach (var run in older.Skip(1))
        {
            var present = file.Sync(run.Id).Access(new AccessFilter()).Select(Key).ToHashSet();
            alive.IntersectWith(present);
            if (alive.Count == 0)
            {
                break;
            }

            var oldest = run.Id == older[^1].Id;
            foreach (var key in alive)
            {
                result[key] = new RowAge(run.StartedAt, oldest);
            }
        }

        return result;
    }

    public static (string, string, string, string, string) Key(AccessRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return (row.UserId, row.AppId, row.AccountId, row.Role, row.Source);
    }
}
