using BatonOktaAws.Store.Model;
using BatonOktaAws.TestSupport;
using Microsoft.Data.Sqlite;

namespace BatonOktaAws.Store.Tests;

public sealed class SyncFileTests : IDisposable
{
    private static readonly SyncRunStart Run = new("1.2.3", "https://acme.okta.com", "0oaaws", DateTimeOffset.UnixEpoch, "{}");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Complete_AfterBatches_RenamesThePartialFileOverTheTargetAndTheViewAnswers()
    {
        var paths = new SyncFilePaths(_temp.File("sync.db"));
        using (var writer = SyncFileWriter.Start(paths, Run, resume: false))
        {
            WriteSample(writer);
            Assert.False(File.Exists(paths.Target));
            writer.Complete(requests: 7, DateTimeOffset.UnixEpoch.AddMinutes(1));
        }

        Assert.False(File.Exists(paths.Partial));
        using var reader = SyncFileReader.Open(paths.Target);
        var rows = reader.Access(new AccessFilter());
        Assert.Equal(
            [
                new AccessRow("00ualice", "alice@x.example", "ACTIVE", "123456789012", "Admin", "direct"),
                new AccessRow("00ualice", "alice@x.example", "ACTIVE", "123456789012", "Admin", "group:00gadmins", "Admins"),
                new AccessRow("00ubob", "bob@x.example", "SUSPENDED", "123456789012", "ReadOnly", "group:00gadmins", "Admins"),
            ],
            rows);
        var run = reader.LatestRun();
        Assert.Equal("succeeded", run.Status);
        Assert.Equal(7, run.Requests);
        Assert.Equal(3, run.Counts.AccessRows);
        Assert.Equal(2, run.Counts.Users);
    }

    [Theory]
    [InlineData("alice@X.example", null, null, 2)]
    [InlineData("00ubob", null, null, 1)]
    [InlineData(null, "123456789012", "ReadOnly", 1)]
    [InlineData(null, "999999999999", null, 0)]
    public void Access_Filters_NarrowTheRows(string? user, string? account, string? role, int expected)
    {
        var target = CompleteSample();
        using var reader = SyncFileReader.Open(target);

        Assert.Equal(expected, reader.Access(new AccessFilter(user, account, role)).Count);
    }

    [Fact]
    public void Dispose_WithoutComplete_LeavesThePreviousTargetByteForByte()
    {
        var target = CompleteSample();
        var before = File.ReadAllBytes(target);
        var paths = new SyncFilePaths(target);

        using (var writer = SyncFileWriter.Start(paths, Run, resume: false))
        {
            using var batch = writer.BeginBatch();
            batch.UpsertUser(new UserRecord("00unew", "New", "new@x.example", null, null, "ACTIVE"));
            batch.Commit();
        }

        Assert.Equal(before, File.ReadAllBytes(target));
        Assert.True(File.Exists(paths.Partial));
    }

    [Fact]
    public void Start_Resume_ContinuesTheSameRunWithItsCheckpoints()
    {
        var paths = new SyncFilePaths(_temp.File("sync.db"));
        long runId;
        using (var writer = SyncFileWriter.Start(paths, Run, resume: false))
        {
            runId = writer.RunId;
            using var batch = writer.BeginBatch();
            batch.SaveCheckpoint(new StreamCheckpoint("app-users", "https://acme.okta.com/next", 3, 1500, false));
            batch.Commit();
        }

        using var resumed = SyncFileWriter.Start(paths, Run, resume: true);

        Assert.True(resumed.Resumed);
        Assert.Equal(runId, resumed.RunId);
        Assert.Equal(new StreamCheckpoint("app-users", "https://acme.okta.com/next", 3, 1500, false), resumed.Checkpoints()["app-users"]);
    }

    [Fact]
    public void Start_ResumeWithOtherOptions_IsRefused()
    {
        var paths = new SyncFilePaths(_temp.File("sync.db"));
        using (SyncFileWriter.Start(paths, Run, resume: false))
        {
        }

        var error = Assert.Throws<SyncFileException>(() => SyncFileWriter.Start(paths, Run with { Options = """{"syncAllUsers":true}""" }, resume: true));

        Assert.Contains("run without --resume to start over", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithoutResume_DiscardsALeftoverPartialFile()
    {
        var paths = new SyncFilePaths(_temp.File("sync.db"));
        File.WriteAllText(paths.Partial, "leftover from a killed sync");
        File.WriteAllText(paths.Partial + "-wal", "junk");

        using var writer = SyncFileWriter.Start(paths, Run, resume: false);

        Assert.False(writer.Resumed);
        Assert.Empty(writer.Checkpoints());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Start_NewFile_IsReadableAndWritableByItsOwnerOnly()
    {
        var target = CompleteSample();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
    }

    [Fact]
    public void Open_MissingFile_SaysToSyncFirst()
    {
        var error = Assert.Throws<SyncFileException>(() => SyncFileReader.Open(_temp.File("none.db")));

        Assert.Contains("does not exist; run `baton-okta-aws sync` first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NotSqlite_SaysSo()
    {
        var path = _temp.File("notes.txt");
        File.WriteAllText(path, "user,role\nalice,Admin\n");

        var error = Assert.Throws<SyncFileException>(() => SyncFileReader.Open(path));

        Assert.EndsWith("is not a sync file (it is not an SQLite database).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SomeOtherSqliteDatabase_SaysItIsNotASyncFile()
    {
        var path = _temp.File("other.db");
        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = "CREATE TABLE t (x)";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<SyncFileException>(() => SyncFileReader.Open(path));

        Assert.EndsWith("is an SQLite database but not a baton-okta-aws sync file.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NewerSchemaVersion_AsksToUpgrade()
    {
        var target = CompleteSample();
        using (var db = new SqliteConnection($"Data Source={target};Pooling=False"))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {SyncFileSchema.Version + 1}";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<SyncFileException>(() => SyncFileReader.Open(target));

        Assert.Contains($"was written by a newer baton-okta-aws (sync file schema v{SyncFileSchema.Version + 1}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_TruncatedFile_ReportsCorruptionNotAStackTrace()
    {
        var target = CompleteSample(users: 3_000);
        var bytes = File.ReadAllBytes(target);
        File.WriteAllBytes(target, bytes[..(bytes.Length / 2)]);

        var error = Assert.ThrowsAny<SyncFileException>(() =>
        {
            using var reader = SyncFileReader.Open(target);
            reader.Access(new AccessFilter());
        });

        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
        Assert.Contains(target, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_PartialFileOfAnUnfinishedSync_SaysItHoldsNoFinishedSync()
    {
        var paths = new SyncFilePaths(_temp.File("sync.db"));
        using (var writer = SyncFileWriter.Start(paths, Run, resume: false))
        {
            WriteSample(writer);
        }

        var error = Assert.Throws<SyncFileException>(() => SyncFileReader.Open(paths.Partial));

        Assert.Contains("holds no finished sync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Acquire_WhileAnotherHoldsTheLock_IsRefusedAndWorksOnceReleased()
    {
        var paths = new SyncFilePaths(_temp.File("sync.db"));
        var first = SyncFileLock.Acquire(paths);

        var error = Assert.Throws<SyncFileLockedException>(() => SyncFileLock.Acquire(paths));
        first.Dispose();
        using var again = SyncFileLock.Acquire(paths);

        Assert.Contains("Another baton-okta-aws run is using", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AppUsersWithMemberships_Chunks_CoverEveryAppUserWithTheirAssignedGroups()
    {
        var paths = new SyncFilePaths(_temp.File("sync.db"));
        using var writer = SyncFileWriter.Start(paths, Run, resume: false);
        using (var batch = writer.BeginBatch())
        {
            batch.PutAppGroup(new AppGroupRecord("00gA", 0, ["Admin"]));
            for (var i = 0; i < 25; i++)
            {
                var id = $"00u{i:D3}";
                batch.PutAppUser(new AppUserRecord(id, "GROUP", []));
                if (i % 2 == 0)
                {
                    batch.AddGrant(new GrantId(EntitlementId.GroupMember("00gA"), ResourceType.User, id), GrantSource.Direct);
                }
            }

            batch.Commit();
        }

        var chunks = writer.AppUsersWithMemberships(10).ToList();

        Assert.Equal([10, 10, 5], chunks.Select(c => c.Count));
        var all = chunks.SelectMany(c => c).ToList();
        Assert.Equal(25, all.Select(m => m.AppUser.UserId).Distinct().Count());
        Assert.Equal(13, all.Count(m => m.AssignedGroups.Count == 1 && m.AssignedGroups[0].SamlRoles.SequenceEqual(["Admin"])));
    }

    private string CompleteSample(int users = 0)
    {
        var paths = new SyncFilePaths(_temp.File("sync.db"));
        using var writer = SyncFileWriter.Start(paths, Run, resume: false);
        WriteSample(writer);
        using (var batch = writer.BeginBatch())
        {
            for (var i = 0; i < users; i++)
            {
                batch.UpsertUser(new UserRecord($"00ufill{i:D6}", $"Filler {i}", $"filler{i}@x.example", null, null, "ACTIVE"));
            }

            batch.Commit();
        }

        writer.Complete(1, DateTimeOffset.UnixEpoch);
        return paths.Target;
    }

    private static void WriteSample(SyncFileWriter writer)
    {
        using var batch = writer.BeginBatch();
        batch.UpsertUser(new UserRecord("00ualice", "Alice", "alice@x.example", "alice@x.example", null, "ACTIVE"));
        batch.UpsertUser(new UserRecord("00ubob", "Bob", "bob@x.example", "bob@x.example", null, "SUSPENDED"));
        batch.UpsertGroup(new GroupRecord("00gadmins", "Admins", null, "OKTA_GROUP"));
        batch.UpsertAccount(new AccountRecord("123456789012", "AWS account 123456789012"));
        var admin = new EntitlementRecord(EntitlementId.AccountRole("123456789012", "Admin"), "Admin", "Admin");
        var read = new EntitlementRecord(EntitlementId.AccountRole("123456789012", "ReadOnly"), "ReadOnly", "ReadOnly");
        batch.AddEntitlement(admin);
        batch.AddEntitlement(read);
        batch.AddGrant(new GrantId(admin.Id, ResourceType.User, "00ualice"), GrantSource.Direct);
        batch.AddGrant(new GrantId(admin.Id, ResourceType.User, "00ualice"), GrantSource.Group("00gadmins"));
        batch.AddGrant(new GrantId(read.Id, ResourceType.User, "00ubob"), GrantSource.Group("00gadmins"));
        batch.AddGrant(new GrantId(admin.Id, ResourceType.Group, "00gadmins"), GrantSource.Direct);
        batch.Commit();
    }
}
