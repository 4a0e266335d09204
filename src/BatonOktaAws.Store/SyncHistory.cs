using System.Globalization;
using Microsoft.Data.Sqlite;

namespace BatonOktaAws.Store;

/// <summary>What happened to the target's earlier syncs when a new one completed.</summary>
/// <param name="Kept">Ids of the earlier syncs copied into the new file, newest first.</param>
/// <param name="Dropped">How many earlier finished syncs were left out (beyond the number kept).</param>
/// <param name="Note">Why history could not be carried over, when it could not (the previous file is still replaced).</param>
public sealed record SyncHistoryResult(IReadOnlyList<long> Kept, int Dropped, string? Note)
{
    public static SyncHistoryResult None { get; } = new([], 0, null);
}

/// <summary>
/// Keeping the latest syncs in one file. A new sync is written to a fresh partial file; when it completes, the
/// newest earlier syncs of the target are copied in beside it and the older ones are simply not copied — so the
/// file never holds more than the syncs it keeps, and a failed sync never touched the target at all.
/// </summary>
internal static class SyncHistory
{
    /// <summary>The newest sync id in the target (0 when there is none we can read), so ids keep growing across files.</summary>
    public static long NewestSyncId(string target)
    {
        if (!IsCurrentSchema(target))
        {
            return 0;
        }

        try
        {
            using var db = SqliteFiles.Open(target, SqliteOpenMode.ReadOnly);
            return SqliteFiles.Scalar(db, "SELECT COALESCE(MAX(id), 0) FROM sync_runs");
        }
        catch (SqliteException)
        {
            return 0;
        }
    }

    /// <summary>Copies up to <paramref name="count"/> of the target's newest finished syncs older than <paramref name="syncId"/> into <paramref name="db"/>.</summary>
    public static SyncHistoryResult CarryOver(SqliteConnection db, string target, long syncId, int count)
    {
        if (!File.Exists(target))
        {
            return SyncHistoryResult.None;
        }

        if (!IsCurrentSchema(target))
        {
            return Result([], 0, $"the previous {Path.GetFileName(target)} is not a sync file of schema v{SyncFileSchema.Version}, so its syncs were not kept");
        }

        try
        {
            using (var attach = db.CreateCommand())
            {
                attach.CommandText = "ATTACH DATABASE $path AS previous";
                attach.Parameters.AddWithValue("$path", target);
                attach.ExecuteNonQuery();
            }

            try
            {
                var ids = SqliteFiles.Query(
                    db,
                    "SELECT id FROM previous.sync_runs WHERE status = 'succeeded' AND id < $sync ORDER BY id DESC",
                    r => r.GetInt64(0),
                    ("$sync", syncId));
                var kept = ids.Take(count).ToList();
                if (kept.Count > 0)
                {
                    var list = string.Join(',', kept.Select(id => id.ToString(CultureInfo.InvariantCulture)));
                    using var tx = db.BeginTransaction();
                    SqliteFiles.Execute(db, $"INSERT INTO main.sync_runs SELECT * FROM previous.sync_runs WHERE id IN ({list});", tx);
                    foreach (var table in SyncFileSchema.SyncTables)
                    {
                        SqliteFiles.Execute(db, $"INSERT INTO main.{table} SELECT * FROM previous.{table} WHERE sync_id IN ({list});", tx);
                    }

                    tx.Commit();
                }

                return Result(kept, ids.Count - kept.Count, null);
            }
            finally
            {
                SqliteFiles.Execute(db, "DETACH DATABASE previous;");
            }
        }
        catch (SqliteException ex)
        {
            return Result([], 0, $"the previous {Path.GetFileName(target)} could not be read ({ex.Message.Split('\n')[0].TrimEnd('.')}), so its syncs were not kept");
        }
    }

    private static SyncHistoryResult Result(List<long> kept, int dropped, string? note) =>
        kept.Count == 0 && dropped == 0 && note is null ? SyncHistoryResult.None : new SyncHistoryResult(kept, dropped, note);

    private static bool IsCurrentSchema(string path)
    {
        try
        {
            if (!File.Exists(path) || !SqliteFiles.HasSqliteHeader(path))
            {
                return false;
            }

            using var db = SqliteFiles.Open(path, SqliteOpenMode.ReadOnly);
            return SqliteFiles.Scalar(db, "PRAGMA application_id") == SyncFileSchema.ApplicationId
                && SqliteFiles.Scalar(db, "PRAGMA user_version") == SyncFileSchema.Version;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException)
        {
            return false;
        }
    }
}
