using BatonOktaAws.Store.Model;
using BatonOktaAws.TestSupport;
using Microsoft.Data.Sqlite;

namespace BatonOktaAws.Store.Tests;

/// <summary>The writer's batches: what reaches the file when batches roll back and statements fail.</summary>
public sealed class SyncBatchTests : IDisposable
{
    private static readonly SyncRunStart Run = new("1.2.3", "https://acme.okta.com", "all", DateTimeOffset.UnixEpoch, "{}");
    private static readonly UserRecord Alice = new("00ualice", "Alice", "alice@x.example", "alice@x.example", "alice@home.example", "ACTIVE", "Alice", "Liddell");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void AddWarning_ViolatingAConstraint_ThrowsSqliteExceptionAndTheNextBatchStillWrites()
    {
        var paths = new SyncFilePaths(_temp.File("sync.db"));
        using var writer = SyncFileWriter.Start(paths, Run, resume: false);
        using (var failing = writer.BeginBatch())
        {
            var error = Assert.Throws<SqliteException>(() => failing.AddWarning(new WarningRecord(null!, "no code")));

            Assert.Equal("SQLite Error 19: 'NOT NULL constraint failed: sync_warnings.code'.", error.Message);
            Assert.Equal(19, error.SqliteErrorCode);
        }

        Commit(writer, b => b.AddWarning(new WarningRecord("some-code", "a warning")));
        Assert.Equal("a warning", Assert.Single(writer.Warnings()).Message);
    }

    [Fact]
    public void Dispose_BatchNotCommitted_LeavesNothingOfItInTheFile()
    {
        var paths = new SyncFilePaths(_temp.File("sync.db"));
        using var writer = SyncFileWriter.Start(paths, Run, resume: false);
        Commit(writer, b => b.AddWarning(new WarningRecord("kept", "committed before")));
        using (var rolledBack = writer.BeginBatch())
        {
            rolledBack.UpsertUser(Alice);
            rolledBack.PutAppUser(new AppUserRecord("0oaprod", "00ualice", "USER", [], null));
            rolledBack.AddWarning(new WarningRecord("dropped", "rolled back"));
            rolledBack.SaveCheckpoint(new StreamCheckpoint("apps/0oaprod/users", "https://acme.okta.com/next", 1, 1, false));
        }

        Assert.Equal(["kept"], writer.Warnings().Select(w => w.Code));
        Assert.Empty(writer.Checkpoints());
        Assert.Empty(writer.AppUsersWithMemberships("0oaprod", 10));
    }

    [Fact]
    public void Dispose_AfterBatches_ClosesTheFileSoSqliteRemovesItsWriteAheadLog()
    {
        var paths = new SyncFilePaths(_temp.File("sync.db"));
        using (var writer = SyncFileWriter.Start(paths, Run, resume: false))
        {
            Commit(writer, b =>
            {
                b.UpsertUser(Alice);
                b.AddWarning(new WarningRecord("some-code", "a warning"));
            });
            Assert.True(File.Exists(paths.Partial + "-wal"));
        }

        // SQLite deletes the log when the last connection to the file closes; a statement left open keeps the
        // connection (and the file) open, and the log with it.
        Assert.True(File.Exists(paths.Partial));
        Assert.False(File.Exists(paths.Partial + "-wal"));
    }

    private static void Commit(SyncFileWriter writer, Action<SyncBatch> write)
    {
        using var batch = writer.BeginBatch();
        write(batch);
        batch.Commit();
    }
}
