using BatonOktaAws.TestSupport;
using Microsoft.Data.Sqlite;

namespace BatonOktaAws.Store.Tests;

/// <summary>The writer's prepared statements, on a real SQLite file: binding, transactions, failures and cleanup.</summary>
public sealed class PreparedTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _path;
    private readonly SqliteConnection _db;

    public PreparedTests()
    {
        _path = _temp.File("t.db");
        _db = SqliteFiles.Open(_path, SqliteOpenMode.ReadWriteCreate);
        SqliteFiles.Execute(_db, "PRAGMA journal_mode = WAL; CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT NOT NULL, c REAL);");
    }

    public void Dispose()
    {
        _db.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Run_SeveralStatementsSharingValues_RunsEachInOrderWithItsValues()
    {
        using var statement = new SyncStatements.Prepared(_db, "INSERT INTO t (a, b) VALUES ($1, $2); UPDATE t SET b = b || $2, c = $3 WHERE a = $1;", 3);

        statement.Run(1L, "x", 0.5);
        statement.Run(2, "y", null);

        Assert.Equal(["1|xx|0.5", "2|yy|"], Rows());
    }

    [Fact]
    public void Run_InATransactionRolledBack_LeavesNothingAndWithoutOneCommitsAtOnce()
    {
        using var statement = new SyncStatements.Prepared(_db, "INSERT INTO t (a, b) VALUES ($1, $2)", 2);
        using (var transaction = _db.BeginTransaction())
        {
            statement.Run(1, "rolled back");
            transaction.Rollback();
        }

        statement.Run(2, "autocommit");

        Assert.Equal(["2|autocommit|"], Rows());
    }

    [Fact]
    public void Run_ViolatingAConstraint_ThrowsSqliteExceptionAndTheTransactionStillCommits()
    {
        using var statement = new SyncStatements.Prepared(_db, "INSERT INTO t (a, b) VALUES ($1, $2)", 2);
        using var transaction = _db.BeginTransaction();
        statement.Run(1, "first");

        var error = Assert.Throws<SqliteException>(() => statement.Run(1, "again"));
        statement.Run(2, "second");
        transaction.Commit();

        Assert.Equal("SQLite Error 19: 'UNIQUE constraint failed: t.a'.", error.Message);
        Assert.Equal(19, error.SqliteErrorCode);
        Assert.Equal(1555, error.SqliteExtendedErrorCode); // SQLITE_CONSTRAINT_PRIMARYKEY
        Assert.Equal(["1|first|", "2|second|"], Rows());
    }

    [Fact]
    public void Constructor_SqlThatDoesNotCompile_ThrowsSqliteExceptionWithSqlitesMessage()
    {
        var error = Assert.Throws<SqliteException>(() => new SyncStatements.Prepared(_db, "INSERT INTO missing (a) VALUES ($1)", 1));

        Assert.Equal("SQLite Error 1: 'no such table: missing'.", error.Message);
    }

    [Theory]
    [InlineData("INSERT INTO t (a, b) VALUES ($1, $3)", 2, "The parameter '$3' is not one of $1..$2")]
    [InlineData("INSERT INTO t (a, b) VALUES ($1, :b)", 2, "The parameter ':b' is not one of $1..$2")]
    [InlineData("INSERT INTO t (a, b) VALUES ($1, 'b')", 2, "The parameter $2 is never used")]
    [InlineData(" ; -- nothing", 0, "The SQL holds no statement.")]
    public void Constructor_ParametersNotExactlyOneToN_ThrowsNamingTheParameter(string sql, int parameterCount, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new SyncStatements.Prepared(_db, sql, parameterCount));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WrongValues_ThrowsArgumentExceptionAndTheNextRunWorks()
    {
        using var statement = new SyncStatements.Prepared(_db, "INSERT INTO t (a, b) VALUES ($1, $2)", 2);

        var count = Assert.Throws<ArgumentException>(() => statement.Run(1));
        var type = Assert.Throws<ArgumentException>(() => statement.Run(1, DateTimeOffset.UnixEpoch));
        statement.Run(1, "ok");

        Assert.StartsWith("Expected 2 values, got 1.", count.Message, StringComparison.Ordinal);
        Assert.StartsWith("Cannot bind a DateTimeOffset to $2", type.Message, StringComparison.Ordinal);
        Assert.Equal(["1|ok|"], Rows());
    }

    [Fact]
    public void SyncStatements_AStatementDoesNotCompile_ClosesTheOnesCompiledBefore()
    {
        var path = _temp.File("old-schema.db");
        using (var db = SqliteFiles.Open(path, SqliteOpenMode.ReadWriteCreate))
        {
            SqliteFiles.Execute(db, "PRAGMA journal_mode = WAL;");
            SqliteFiles.Execute(db, SyncFileSchema.Create);
            SqliteFiles.Execute(db, "DROP TABLE sync_warnings;");

            Assert.Throws<SqliteException>(() => new SyncStatements(db));
        }

        // SQLite deletes the log when the file's last connection closes; a statement left compiled keeps it open.
        Assert.False(File.Exists(path + "-wal"));
    }

    private List<string> Rows() =>
        SqliteFiles.Query(_db, "SELECT a, b, c FROM t ORDER BY a", r => $"{r.GetInt64(0)}|{r.GetString(1)}|{(r.IsDBNull(2) ? "" : r.GetDouble(2).ToString(System.Globalization.CultureInfo.InvariantCulture))}").ToList();
}
