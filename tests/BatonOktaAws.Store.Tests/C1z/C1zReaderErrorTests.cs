using BatonOktaAws.Store.C1z;
using BatonOktaAws.TestSupport;
using Microsoft.Data.Sqlite;

namespace BatonOktaAws.Store.Tests.C1z;

/// <summary>Bad input is a one-line <see cref="C1zException"/> naming the file, and leaves no decompressed copy behind.</summary>
public sealed class C1zReaderErrorTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _scratch;
    private readonly string _path;

    public C1zReaderErrorTests()
    {
        _scratch = Directory.CreateDirectory(_temp.File("scratch")).FullName;
        _path = _temp.File("input.c1z");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Open_MissingFile_SaysItDoesNotExist() =>
        AssertRejected($"'{_path}' does not exist.");

    [Fact]
    public void Open_EmptyFile_SaysItIsEmpty()
    {
        File.WriteAllBytes(_path, []);

        AssertRejected($"'{_path}' is empty, not a c1z file.");
    }

    [Theory]
    [InlineData("SQLite format 3\0")]
    [InlineData("{\"resources\": []}")]
    [InlineData("C1")]
    public void Open_NotAC1z_SaysItLacksTheHeader(string content)
    {
        File.WriteAllText(_path, content);

        AssertRejected($"'{_path}' is not a c1z file: it does not start with the C1ZF header.");
    }

    [Fact]
    public void Open_V3File_SaysOnlyV1IsRead()
    {
        File.WriteAllBytes(_path, [.. "C1Z3\0"u8, 1, 2, 3]);

        AssertRejected($"'{_path}' is a c1z v3 file (header C1Z3); only v1 (C1ZF, a SQLite database) can be read.");
    }

    [Fact]
    public void Open_UnknownVersion_SaysSo()
    {
        File.WriteAllBytes(_path, [.. "C1Z9\0"u8, 1, 2, 3]);

        AssertRejected($"'{_path}' is a c1z of an unknown format version (header 43315A3900); only v1 (C1ZF) can be read.");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.99)]
    public void Open_Truncated_SaysTheZstdStreamEndsEarly(double keep)
    {
        var whole = WriteSample();
        File.WriteAllBytes(_path, whole[..(int)(whole.Length * keep)]);

        AssertRejected($"'{_path}' is truncated: its zstd stream ends before the database does.");
    }

    [Fact]
    public void Open_HeaderOnly_SaysItHoldsNoDatabase()
    {
        File.WriteAllBytes(_path, C1zFiles.V1Header);

        AssertRejected($"'{_path}' holds no database: its zstd stream is empty.");
    }

    [Fact]
    public void Open_ChecksumDamaged_SaysItIsCorrupt()
    {
        var bytes = WriteSample();
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(_path, bytes);

        AssertRejected($"'{_path}' is corrupt: its zstd stream cannot be decompressed (Restored data doesn't match checksum).");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(200)]
    [InlineData(1000)]
    public void Open_BytesDamaged_IsRejectedNamingTheFile(int offset)
    {
        var bytes = WriteSample();
        for (var i = offset; i < offset + 16; i++)
        {
            bytes[i] ^= 0x5A;
        }

        File.WriteAllBytes(_path, bytes);

        var error = Assert.Throws<C1zException>(() => C1zReader.Open(_path, new C1zReaderOptions { TempDirectory = _scratch }));
        Assert.StartsWith($"'{_path}' is ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_scratch));
    }

    [Fact]
    public void Open_ZstdOfSomethingElse_SaysItHoldsNoSqliteDatabase()
    {
        File.WriteAllBytes(_path, C1zFiles.Envelope("not a database, just text long enough to be a header or more: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"u8.ToArray()));

        AssertRejected($"'{_path}' is corrupt: its zstd stream does not hold a SQLite database.");
    }

    [Fact]
    public void Open_DatabaseCutAtAPageBoundary_SaysItIsShorterThanItsHeaderSays()
    {
        var database = Database(connection => Exec(connection, "create table filler (x blob); insert into filler values (zeroblob(100000))"));
        var pageSize = 4096;
        var bytes = File.ReadAllBytes(database);
        File.WriteAllBytes(_path, C1zFiles.Envelope(bytes[..(pageSize * 3)]));

        AssertRejected($"'{_path}' is corrupt: its database is {pageSize * 3} bytes but says it has {bytes.Length}.");
    }

    [Fact]
    public void Open_SqliteWithoutBatonTables_SaysItIsNotABatonC1z()
    {
        File.WriteAllBytes(_path, C1zFiles.Envelope(File.ReadAllBytes(Database(connection => Exec(connection, "create table something (x)")))));

        AssertRejected($"'{_path}' is not a Baton c1z: its database has no v1_resource_types table.");
    }

    [Fact]
    public void Open_NoSyncRun_SaysThereIsNothingToRead()
    {
        var database = Database(connection =>
        {
            foreach (var statement in C1zSchema.Statements)
            {
                Exec(connection, statement);
            }
        });
        File.WriteAllBytes(_path, C1zFiles.Envelope(File.ReadAllBytes(database)));

        AssertRejected($"'{_path}' holds no sync run to read.");
    }

    [Fact]
    public void Open_LargerThanAllowed_SaysHowMuchItAccepts()
    {
        File.WriteAllBytes(_path, WriteSample());

        var error = Assert.Throws<C1zException>(() => C1zReader.Open(_path, new C1zReaderOptions { TempDirectory = _scratch, MaxDatabaseBytes = 4096 }));

        Assert.Equal($"'{_path}' decompresses to more than 4096 bytes, the most this reader accepts.", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_scratch));
    }

    private void AssertRejected(string message)
    {
        var error = Assert.Throws<C1zException>(() => C1zReader.Open(_path, new C1zReaderOptions { TempDirectory = _scratch }));

        Assert.Equal(message, error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_scratch));
    }

    private byte[] WriteSample()
    {
        var path = _temp.File("sample.c1z");
        new C1zSample().WriteTo(path, TimeProvider.System);
        return File.ReadAllBytes(path);
    }

    private string Database(Action<SqliteConnection> build)
    {
        var path = _temp.File($"db-{Guid.NewGuid():N}.sqlite");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            build(connection);
        }

        return path;
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
