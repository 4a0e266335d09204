using BatonOktaAws.Store.Model;
using BatonOktaAws.TestSupport;
using Microsoft.Data.Sqlite;

namespace BatonOktaAws.Store.Tests;

/// <summary>The writer's batches: what reaches the file when users repeat, batches roll back and statements fail.</summary>
public sealed class SyncBatchTests : IDisposable
{
    private static readonly SyncRunStart Run = new("1.2.3", "https://acme.okta.com", "all", DateTimeOffset.UnixEpoch, "{}");
    private static readonly UserRecord Alice = new("00ualice", "Alice", "alice@x.example", "alice@x.example", "alice@home.example", "ACTIVE", "Alice", "Liddell");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void UpsertUser_RepeatsBetweenOtherValues_LeavesTheRowTheLastWriteGives()
    {
        var rows = WriteAndDump(writer =>
        {
            Commit(writer, b => b.UpsertUser(Alice));
            Commit(writer, b => b.UpsertUser(Alice));
            Commit(writer, b =>
            {
                b.UpsertUser(Alice with { Status = "SUSPENDED" });
                b.UpsertUser(Alice);
                b.UpsertUser(Alice);
            });

            // Known only by id: the profile columns stay as the last full write left them.
            Commit(writer, b => b.UpsertUser(new UserRecord("00ualice", "00ualice", null, null, null, null)));
            Commit(writer, b => b.UpsertUser(Alice with { Status = "DEPROVISIONED", SecondaryEmail = null }));
            Commit(writer, b => b.UpsertUser(Alice with { Status = "DEPROVISIONED", SecondaryEmail = null }));
        });

        Assert.Equal(["user|00ualice|Alice|alice@x.example|alice@x.example||DEPROVISIONED|Alice|Liddell||||"], rows);
    }

    [Theory]
    [InlineData(nameof(UserRecord.DisplayName), false)]
    [InlineData(nameof(UserRecord.Login), false)]
    [InlineData(nameof(UserRecord.Email), false)]
    [InlineData(nameof(UserRecord.SecondaryEmail), false)]
    [InlineData(nameof(UserRecord.Status), false)]
    [InlineData(nameof(UserRecord.FirstName), false)]
    [InlineData(nameof(UserRecord.LastName), false)]
    [InlineData(nameof(UserRecord.Status), true)]
    public void UpsertUser_OneColumnChangedAfterTheSameUser_IsWritten(string column, bool sameBatch)
    {
        var changed = column switch
        {
            nameof(UserRecord.DisplayName) => Alice with { DisplayName = "Alice L." },
            nameof(UserRecord.Login) => Alice with { Login = "alice@y.example" },
            nameof(UserRecord.Email) => Alice with { Email = "alice@y.example" },
            nameof(UserRecord.SecondaryEmail) => Alice with { SecondaryEmail = null },
            nameof(UserRecord.Status) => Alice with { Status = "SUSPENDED" },
            nameof(UserRecord.FirstName) => Alice with { FirstName = "Alicia" },
            _ => Alice with { LastName = "Pleasance" },
        };

        var rows = WriteAndDump(writer =>
        {
            if (sameBatch)
            {
                Commit(writer, b =>
                {
                    b.UpsertUser(Alice);
                    b.UpsertUser(changed);
                });
            }
            else
            {
                Commit(writer, b => b.UpsertUser(Alice));
                Commit(writer, b => b.UpsertUser(Alice));
                Commit(writer, b => b.UpsertUser(changed));
            }
        });

        Assert.Equal([UserRow(changed)], rows);
    }

    [Fact]
    public void UpsertUser_AgainAfterTheBatchThatWroteItRolledBack_IsWritten()
    {
        var rows = WriteAndDump(writer =>
        {
            Commit(writer, b => b.UpsertUser(Alice));
            using (var rolledBack = writer.BeginBatch())
            {
                rolledBack.UpsertUser(Alice with { Status = "SUSPENDED" });
                rolledBack.UpsertUser(new UserRecord("00ubob", "Bob", "bob@x.example", null, null, "ACTIVE"));
            }

            Commit(writer, b =>
            {
                b.UpsertUser(Alice with { Status = "SUSPENDED" });
                b.UpsertUser(new UserRecord("00ubob", "Bob", "bob@x.example", null, null, "ACTIVE"));
            });
        });

        Assert.Equal(
            [
                "user|00ualice|Alice|alice@x.example|alice@x.example|alice@home.example|SUSPENDED|Alice|Liddell||||",
                "user|00ubob|Bob|bob@x.example|||ACTIVE||||||",
            ],
            rows);
    }

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

    [Fact]
    public void AppUsersWithMemberships_UserInSeveralGroups_ListsThisAppsGroupsInGroupIdOrder()
    {
        var paths = new SyncFilePaths(_temp.File("sync.db"));
        using var writer = SyncFileWriter.Start(paths, Run, resume: false);
        Commit(writer, b =>
        {
            foreach (var group in new[] { "00gC", "00gA", "00gB" })
            {
                b.PutAppGroup(new AppGroupRecord("0oaprod", group, 0, [group], null));
            }

            b.PutAppGroup(new AppGroupRecord("0oastage", "00gD", 0, ["Other"], null));
            b.PutMappedGroup(new MappedGroupRecord("0oaprod", "00gM", "123456789012", "Mapped"));
            b.PutAppUser(new AppUserRecord("0oaprod", "00u1", "GROUP", [], null));
            b.PutAppUser(new AppUserRecord("0oaprod", "00u3", "GROUP", [], null));
            foreach (var group in new[] { "00gD", "00gB", "00gM", "00gC", "00gA" })
            {
                b.AddGrant(SampleData.Membership(group, "00u1"), string.Empty, "direct");
            }

            // A member of the app's group who is not one of its users, between the two app users.
            b.AddGrant(SampleData.Membership("00gA", "00u2"), string.Empty, "direct");
            b.AddGrant(SampleData.Membership("00gB", "00u3"), string.Empty, "direct");
        });

        var users = Assert.Single(writer.AppUsersWithMemberships("0oaprod", 10));

        Assert.Equal(["00u1", "00u3"], users.Select(u => u.AppUser.UserId));
        Assert.Equal(["00gA", "00gB", "00gC"], users[0].AssignedGroups.Select(g => g.GroupId));
        Assert.Equal(["00gM"], users[0].MappedGroups.Select(g => g.GroupId));
        Assert.Equal(["00gB"], users[1].AssignedGroups.Select(g => g.GroupId));
        Assert.Empty(users[1].MappedGroups);
    }

    private static string UserRow(UserRecord u) =>
        $"user|{u.Id}|{u.DisplayName}|{u.Login}|{u.Email}|{u.SecondaryEmail}|{u.Status}|{u.FirstName}|{u.LastName}||||";

    private static void Commit(SyncFileWriter writer, Action<SyncBatch> write)
    {
        using var batch = writer.BeginBatch();
        write(batch);
        batch.Commit();
    }

    /// <summary>Writes a sync, completes it and returns its resources as rows.</summary>
    private IReadOnlyList<string> WriteAndDump(Action<SyncFileWriter> write)
    {
        var paths = new SyncFilePaths(_temp.File("sync.db"));
        using (var writer = SyncFileWriter.Start(paths, Run, resume: false))
        {
            write(writer);
            writer.Complete(requests: 0, DateTimeOffset.UnixEpoch, keepSyncs: 1);
        }

        using var reader = SyncFileReader.Open(paths.Target);
        return reader.Latest().DumpTable("resources");
    }
}
