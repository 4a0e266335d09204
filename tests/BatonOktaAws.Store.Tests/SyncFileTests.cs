using BatonOktaAws.Store.Model;
using BatonOktaAws.TestSupport;
using Microsoft.Data.Sqlite;

namespace BatonOktaAws.Store.Tests;

public sealed class SyncFileTests : IDisposable
{
    private static readonly SyncRunStart Run = new("1.2.3", "https://acme.okta.com", "all", DateTimeOffset.UnixEpoch, "{}");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Complete_AfterBatches_RenamesThePartialFileOverTheTargetAndTheViewAnswers()
    {
        var paths = new SyncFilePaths(_temp.File("sync.db"));
        using (var writer = SyncFileWriter.Start(paths, Run, resume: false))
        {
            SampleData.Write(writer);
            Assert.False(File.Exists(paths.Target));
            writer.Complete(requests: 7, DateTimeOffset.UnixEpoch.AddMinutes(1), keepSyncs: 2);
        }

        Assert.False(File.Exists(paths.Partial));
        using var reader = SyncFileReader.Open(paths.Target);
        var sync = reader.Latest();
        Assert.Equal(
            [
                new AccessRow("00ualice", "alice@x.example", "ACTIVE", "0oaprod", "AWS (prod)", "123456789012", "Admin", "direct", null, "Alice"),
                new AccessRow("00ualice", "alice@x.example", "ACTIVE", "0oaprod", "AWS (prod)", "123456789012", "Admin", "group:00gadmins", "Admins", "Alice"),
                new AccessRow("00ualice", "alice@x.example", "ACTIVE", "0oastage", "AWS (staging)", "123456789012", "Admin", "direct", null, "Alice"),
                new AccessRow("00ubob", "bob@x.example", "SUSPENDED", "0oaprod", "AWS (prod)", "123456789012", "ReadOnly", "group:00gadmins", "Admins", "Bob"),
            ],
            sync.Access(new AccessFilter()));
        Assert.Equal("succeeded", sync.Run.Status);
        Assert.Equal(7, sync.Run.Requests);
        Assert.Equal(4, sync.Run.Counts.AccessRows);
        Assert.Equal(2, sync.Run.Counts.Users);
        Assert.Equal(2, sync.Run.Counts.Apps);
        Assert.Equal("all", sync.Run.AppSelection);
    }

    [Theory]
    [InlineData("alice@X.example", null, null, null, 3)]
    [InlineData("00ubob", null, null, null, 1)]
    [InlineData(null, "123456789012", "ReadOnly", null, 1)]
    [InlineData(null, "999999999999", null, null, 0)]
    [InlineData(null, null, null, "0oastage", 1)]
    [InlineData(null, null, null, "aws (PROD)", 3)]
    public void Access_Filters_NarrowTheRows(string? user, string? account, string? role, string? app, int expected)
    {
        var target = CompleteSample();
        using var reader = SyncFileReader.Open(target);

        Assert.Equal(expected, reader.Latest().Access(new AccessFilter(user, account, role, app)).Count);
    }

    [Fact]
    public void AccessView_SqlTwinOfAccess_AnswersForTheLatestSyncOnly()
    {
        var target = CompleteSample();
        CompleteSample(users: 1, withAccess: false);

        using var db = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM aws_role_access), (SELECT COUNT(*) FROM aws_role_access_history)";
        using var reader = command.ExecuteReader();
        reader.Read();

        Assert.Equal(0, reader.GetInt64(0));
        Assert.Equal(4, reader.GetInt64(1));
    }

    [Fact]
    public void Complete_KeepTwo_KeepsThePreviousSyncBesideTheNewOneAndDropsOlderOnes()
    {
        var first = Sync(accessFor: "00ualice");
        var second = Sync(accessFor: "00ubob");
        var third = Sync(accessFor: "00ucarol");

        using var reader = SyncFileReader.Open(_temp.File("sync.db"));
        var syncs = reader.Syncs();
        Assert.Equal([third.SyncId, second.SyncId], syncs.Select(s => s.Id));
        Assert.True(first.SyncId < second.SyncId && second.SyncId < third.SyncId);
        Assert.Equal("00ucarol", Assert.Single(reader.Latest().Access(new AccessFilter())).UserId);
        Assert.Equal("00ubob", Assert.Single(reader.Sync(second.SyncId).Access(new AccessFilter())).UserId);
        Assert.Equal(second.SyncId, reader.Latest().PreviousSyncId);
        Assert.Equal([second.SyncId], third.History.Kept);
        Assert.Equal(1, third.History.Dropped);
    }

    [Fact]
    public void Complete_KeepOne_KeepsOnlyTheNewSync()
    {
        Sync(accessFor: "00ualice");
        var second = Sync(accessFor: "00ubob", keep: 1);

        using var reader = SyncFileReader.Open(_temp.File("sync.db"));

        Assert.Equal([second.SyncId], reader.Syncs().Select(s => s.Id));
        Assert.Null(reader.Latest().PreviousSyncId);
    }

    [Fact]
    public void Complete_AfterDroppingSyncs_LeavesNoFreePagesBehind()
    {
        Sync(accessFor: "00ualice", users: 2_000);
        Sync(accessFor: "00ubob", users: 2_000);
        Sync(accessFor: "00ucarol", users: 10);

        using var db = new SqliteConnection($"Data Source={_temp.File("sync.db")};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "PRAGMA freelist_count";

        Assert.Equal(0L, (long)command.ExecuteScalar()!);
    }

    [Fact]
    public void Sync_UnknownId_NamesTheSyncsTheFileHolds()
    {
        var only = Sync(accessFor: "00ualice");
        using var reader = SyncFileReader.Open(_temp.File("sync.db"));

        var error = Assert.Throws<SyncFileException>(() => reader.Sync(only.SyncId + 40));

        Assert.Contains($"holds no finished sync {only.SyncId + 40}; it holds {only.SyncId}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_PreviousFileOfAnOlderSchema_ReplacesItAndSaysItsSyncsWereNotKept()
    {
        var target = CompleteSample();
        SetUserVersion(target, 1);

        var result = Sync(accessFor: "00ubob");

        Assert.Empty(result.History.Kept);
        Assert.Contains("is not a sync file of schema v2", result.History.Note, StringComparison.Ordinal);
        using var reader = SyncFileReader.Open(target);
        Assert.Single(reader.Syncs());
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
        long syncId;
        using (var writer = SyncFileWriter.Start(paths, Run, resume: false))
        {
            syncId = writer.SyncId;
            using var batch = writer.BeginBatch();
            batch.SaveCheckpoint(new StreamCheckpoint("app-users:0oaprod", "https://acme.okta.com/next", 3, 1500, false));
            batch.Commit();
        }

        using var resumed = SyncFileWriter.Start(paths, Run, resume: true);

        Assert.True(resumed.Resumed);
        Assert.Equal(syncId, resumed.SyncId);
        Assert.Equal(new StreamCheckpoint("app-users:0oaprod", "https://acme.okta.com/next", 3, 1500, false), resumed.Checkpoints()["app-users:0oaprod"]);
    }

    [Theory]
    [InlineData("{\"syncAllUsers\":true}", "all")]
    [InlineData("{}", "0oaprod")]
    public void Start_ResumeWithOtherOptionsOrApps_IsRefused(string options, string apps)
    {
        var paths = new SyncFilePaths(_temp.File("sync.db"));
        using (SyncFileWriter.Start(paths, Run, resume: false))
        {
        }

        var error = Assert.Throws<SyncFileException>(() => SyncFileWriter.Start(paths, Run with { Options = options, AppSelection = apps }, resume: true));

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
    public void Open_Directory_SaysItIsADirectory()
    {
        var error = Assert.Throws<SyncFileException>(() => SyncFileReader.Open(_temp.Path));

        Assert.Contains("is a directory, not a sync file", error.Message, StringComparison.Ordinal);
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
        var path = OtherDatabase("other.db");

        var error = Assert.Throws<SyncFileException>(() => SyncFileReader.Open(path));

        Assert.EndsWith("is an SQLite database but not a baton-okta-aws sync file.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NewerSchemaVersion_AsksToUpgrade()
    {
        var target = CompleteSample();
        SetUserVersion(target, SyncFileSchema.Version + 1);

        var error = Assert.Throws<SyncFileException>(() => SyncFileReader.Open(target));

        Assert.Contains($"was written by a newer baton-okta-aws (sync file schema v{SyncFileSchema.Version + 1}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_OlderSchemaVersion_AsksToSyncAgain()
    {
        var target = CompleteSample();
        SetUserVersion(target, 1);

        var error = Assert.Throws<SyncFileException>(() => SyncFileReader.Open(target));

        Assert.Contains("was written by an older baton-okta-aws (sync file schema v1", error.Message, StringComparison.Ordinal);
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
            reader.Latest().Access(new AccessFilter());
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
            SampleData.Write(writer);
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
    public void Dispose_Lock_RemovesTheLockFile()
    {
        var paths = new SyncFilePaths(_temp.File("sync.db"));

        using (SyncFileLock.Acquire(paths))
        {
            Assert.True(File.Exists(paths.Lock));
        }

        Assert.False(File.Exists(paths.Lock));
    }

    [Fact]
    public void Check_NotASyncFile_IsRefusedUnlessForced()
    {
        var notes = _temp.File("notes.txt");
        File.WriteAllText(notes, "my notes");
        var other = OtherDatabase("app.db");

        var textError = Assert.Throws<SyncFileException>(() => SyncTarget.Check(new SyncFilePaths(notes), force: false));
        var dbError = Assert.Throws<SyncFileException>(() => SyncTarget.Check(new SyncFilePaths(other), force: false));
        SyncTarget.Check(new SyncFilePaths(notes), force: true);

        Assert.Equal($"Refusing to replace {notes} (the sync file): it is not a sync file (it is not an SQLite database). Pass another --file, or --force to replace it.", textError.Message);
        Assert.Contains("is an SQLite database of another program", dbError.Message, StringComparison.Ordinal);
        Assert.Equal("my notes", File.ReadAllText(notes));
    }

    [Fact]
    public void Check_OurOwnSyncFileOrNothing_IsAccepted()
    {
        var target = CompleteSample();

        SyncTarget.Check(new SyncFilePaths(target), force: false);
        SyncTarget.Check(new SyncFilePaths(_temp.File("new.db")), force: false);
    }

    [Fact]
    public void Check_DirectoryOrMissingDirectory_IsRefusedAndLeavesNothingBehind()
    {
        var directoryError = Assert.Throws<SyncFileException>(() => SyncTarget.Check(new SyncFilePaths(_temp.Path), force: true));
        var missingError = Assert.Throws<SyncFileException>(() => SyncTarget.Check(new SyncFilePaths(_temp.File("nope/sync.db")), force: false));

        Assert.Contains("is a directory", directoryError.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist; create it first", missingError.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Check_ReadOnlyDirectory_IsRefused()
    {
        // /proc refuses new files even to root, so the check is exercised whoever runs the tests.
        var error = Assert.Throws<SyncFileException>(() => SyncTarget.Check(new SyncFilePaths("/proc/sync.db"), force: false));

        Assert.StartsWith("Cannot write in /proc (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AppUsersWithMemberships_Chunks_CoverEveryAppUserWithTheirAssignedGroups()
    {
        var paths = new SyncFilePaths(_temp.File("sync.db"));
        using var writer = SyncFileWriter.Start(paths, Run, resume: false);
        using (var batch = writer.BeginBatch())
        {
            batch.PutAppGroup(new AppGroupRecord("0oaprod", "00gA", 0, ["Admin"], null));
            batch.PutAppGroup(new AppGroupRecord("0oastage", "00gB", 0, ["ReadOnly"], "Dev"));
            for (var i = 0; i < 25; i++)
            {
                var id = $"00u{i:D3}";
                batch.PutAppUser(new AppUserRecord("0oaprod", id, "GROUP", [], null));
                if (i % 2 == 0)
                {
                    batch.AddGrant(SampleData.Membership("00gA", id), string.Empty, "direct");
                    batch.AddGrant(SampleData.Membership("00gB", id), string.Empty, "direct");
                }
            }

            batch.Commit();
        }

        var chunks = writer.AppUsersWithMemberships("0oaprod", 10).ToList();

        Assert.Equal([10, 10, 5], chunks.Select(c => c.Count));
        var all = chunks.SelectMany(c => c).ToList();
        Assert.Equal(25, all.Select(m => m.AppUser.UserId).Distinct().Count());
        Assert.Equal(13, all.Count(m => m.AssignedGroups.Count == 1 && m.AssignedGroups[0].SamlRoles.SequenceEqual(["Admin"])));
        Assert.Empty(writer.AppUsersWithMemberships("0oastage", 10));
    }

    [Fact]
    public void Complete_SecondaryIndexesLeftOutWhileWriting_FinishedFileHasEachAsTheSchemaDefinesIt()
    {
        var paths = new SyncFilePaths(_temp.File("sync.db"));
        using (var writer = SyncFileWriter.Start(paths, Run, resume: false))
        {
            SampleData.Write(writer);
            Assert.Equal(["CREATE INDEX sync_warnings_by_sync ON sync_warnings (sync_id)"], IndexSql(paths.Partial));
            writer.Complete(1, DateTimeOffset.UnixEpoch, keepSyncs: 1);
        }

        Assert.Equal(
            [
                "CREATE INDEX grants_by_entitlement ON grants (sync_id, entitlement_id)",
                "CREATE INDEX grants_by_principal ON grants (sync_id, principal_type, principal_id, resource_type, resource_id)",
                "CREATE INDEX resources_by_login ON resources (login COLLATE NOCASE) WHERE login IS NOT NULL",
                "CREATE INDEX sync_warnings_by_sync ON sync_warnings (sync_id)",
            ],
            IndexSql(paths.Target));
    }

    [Fact]
    public void AppUsersWithMemberships_ResumedPartialFileThatHasTheIndexAlready_ReadsWithoutBuildingItAgain()
    {
        var paths = new SyncFilePaths(_temp.File("sync.db"));
        using (var writer = SyncFileWriter.Start(paths, Run, resume: false))
        {
            SampleData.Write(writer);
            using (var batch = writer.BeginBatch())
            {
                batch.PutAppUser(new AppUserRecord("0oaprod", "00ualice", "USER", ["Admin"], null));
                batch.PutAppUser(new AppUserRecord("0oaprod", "00ubob", "GROUP", [], null));
                batch.Commit();
            }

            Assert.Single(writer.AppUsersWithMemberships("0oaprod", 10));
        }

        Assert.Contains(IndexSql(paths.Partial), sql => sql.Contains("grants_by_principal", StringComparison.Ordinal));
        using var resumed = SyncFileWriter.Start(paths, Run, resume: true);

        Assert.Equal(2, resumed.AppUsersWithMemberships("0oaprod", 10).SelectMany(c => c).Count());
        resumed.Complete(1, DateTimeOffset.UnixEpoch, keepSyncs: 1);
        Assert.Equal(4, IndexSql(paths.Target).Count);
    }

    /// <summary>The file's explicit indexes (not those SQLite makes for primary keys), as <c>sqlite_schema</c> holds them.</summary>
    private static List<string> IndexSql(string path)
    {
        using var db = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name";
        using var reader = command.ExecuteReader();
        var sql = new List<string>();
        while (reader.Read())
        {
            sql.Add(reader.GetString(0));
        }

        return sql;
    }

    private SyncCompletion Sync(string accessFor, int users = 0, int keep = 2)
    {
        var paths = new SyncFilePaths(_temp.File("sync.db"));
        using var writer = SyncFileWriter.Start(paths, Run, resume: false);
        using (var batch = writer.BeginBatch())
        {
            batch.UpsertUser(new UserRecord(accessFor, accessFor, accessFor + "@x.example", null, null, "ACTIVE"));
            SampleData.Fill(batch, users);
            var role = new EntitlementRecord("account:123456789012:Admin", "account", "123456789012", "Admin", "Admin", "Admin");
            batch.AddEntitlement(role);
            batch.AddGrant(SampleData.Grant(role, "user", accessFor), "0oaprod", "direct");
            batch.Commit();
        }

        return writer.Complete(1, DateTimeOffset.UnixEpoch, keep);
    }

    private string CompleteSample(int users = 0, bool withAccess = true)
    {
        var paths = new SyncFilePaths(_temp.File("sync.db"));
        using var writer = SyncFileWriter.Start(paths, Run, resume: false);
        if (withAccess)
        {
            SampleData.Write(writer);
        }

        using (var batch = writer.BeginBatch())
        {
            SampleData.Fill(batch, users);
            batch.Commit();
        }

        writer.Complete(1, DateTimeOffset.UnixEpoch, keepSyncs: 2);
        return paths.Target;
    }

    private string OtherDatabase(string name)
    {
        var path = _temp.File(name);
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "CREATE TABLE t (x)";
        command.ExecuteNonQuery();
        return path;
    }

    private static void SetUserVersion(string path, int version)
    {
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = $"PRAGMA user_version = {version}";
        command.ExecuteNonQuery();
    }
}
