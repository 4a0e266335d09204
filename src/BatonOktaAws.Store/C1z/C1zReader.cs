using BatonOktaAws.Store.C1z.Wire;
using Microsoft.Data.Sqlite;

namespace BatonOktaAws.Store.C1z;

/// <summary>
/// Reads a c1z (v1) — one this project wrote or one Baton wrote — back into the neutral model. Opening checks the
/// header, decompresses the database to a private temporary directory (removed on <see cref="Dispose"/>) and picks
/// the sync run to read as Baton does: the latest finished <c>full</c> sync, else the latest unfinished one; or the
/// one named in <see cref="C1zReaderOptions.SyncId"/>. The Read methods stream rows, so memory stays small.
/// </summary>
public sealed class C1zReader : IDisposable
{
    private static readonly string[] RequiredTables =
        [C1zSchema.ResourceTypes, C1zSchema.Resources, C1zSchema.Entitlements, C1zSchema.Grants, C1zSchema.SyncRuns];

    private readonly string _path;
    private readonly string _tempDirectory;
    private readonly SqliteConnection _connection;
    private readonly bool _grantsHaveExpansion;

    private C1zReader(string path, string tempDirectory, SqliteConnection connection, IReadOnlyList<C1zSyncRun> syncRuns, C1zSyncRun sync, bool grantsHaveExpansion)
    {
        _path = path;
        _tempDirectory = tempDirectory;
        _connection = connection;
        SyncRuns = syncRuns;
        Sync = sync;
        _grantsHaveExpansion = grantsHaveExpansion;
    }

    /// <summary>The sync run the Read methods read.</summary>
    public C1zSyncRun Sync { get; }

    /// <summary>Every sync run in the file, oldest first.</summary>
    public IReadOnlyList<C1zSyncRun> SyncRuns { get; }

    public static C1zReader Open(string path, C1zReaderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new C1zReaderOptions();
        var fullPath = Path.GetFullPath(path);
        var tempDirectory = (options.TempDirectory is null
            ? Directory.CreateTempSubdirectory("baton-okta-aws-c1z-")
            : CreateTempSubdirectory(options.TempDirectory)).FullName;
        SqliteConnection? connection = null;
        try
        {
            var databasePath = Path.Combine(tempDirectory, "db");
            C1zEnvelope.Extract(fullPath, databasePath, options.MaxDatabaseBytes);
            // Read-write on our private copy: a database Baton left in WAL mode needs its -shm beside it to be read.
            connection = SqliteFiles.Open(databasePath, SqliteOpenMode.ReadWrite);
            SqliteFiles.Execute(connection, "PRAGMA query_only = 1");
            CheckTables(fullPath, connection);
            var syncRuns = ReadSyncRuns(connection);
            var sync = ChooseSync(fullPath, syncRuns, options.SyncId);
            var grantsHaveExpansion = SqliteFiles.Scalar(connection, "select count(*) from pragma_table_info('v1_grants') where name = 'expansion'") > 0;
            return new C1zReader(fullPath, tempDirectory, connection, syncRuns, sync, grantsHaveExpansion);
        }
        catch (SqliteException e)
        {
            connection?.Dispose();
            DeleteDirectory(tempDirectory);
            throw new C1zException($"'{fullPath}' is corrupt: its database cannot be read ({e.Message.ReplaceLineEndings(" ")}).", e);
        }
        catch
        {
            connection?.Dispose();
            DeleteDirectory(tempDirectory);
            throw;
        }
    }

    public IEnumerable<BatonResourceType> ReadResourceTypes()
    {
        foreach (var (data, _) in Rows("select data, 0 from v1_resource_types where sync_id = $sync_id order by id", static _ => 0))
        {
            yield return WireMessages.FromWire(Parse(ResourceType.Parser, data, "resource type"));
        }
    }

    /// <summary>Resources, all or those of one resource type.</summary>
    public IEnumerable<BatonResource> ReadResources(string? resourceTypeId = null)
    {
        var sql = "select data, 0 from v1_resources where sync_id = $sync_id"
            + (resourceTypeId is null ? string.Empty : " and resource_type_id = $resource_type_id")
            + " order by id";
        foreach (var (data, _) in Rows(sql, static _ => 0, ("$resource_type_id", resourceTypeId)))
        {
            yield return WireMessages.FromWire(Parse(Resource.Parser, data, "resource"));
        }
    }

    /// <summary>Entitlements, all or those on one resource.</summary>
    public IEnumerable<BatonEntitlement> ReadEntitlements(BatonResourceId? resource = null)
    {
        var sql = "select data, resource_type_id, resource_id from v1_entitlements where sync_id = $sync_id"
            + (resource is null ? string.Empty : " and resource_type_id = $resource_type_id and resource_id = $resource_id")
            + " order by id";
        foreach (var (data, columns) in Rows(
            sql,
            static row => new BatonResourceId(row.GetString(1), row.GetString(2)),
            ("$resource_type_id", resource?.ResourceType),
            ("$resource_id", resource?.Resource)))
        {
            yield return WireMessages.FromWire(Parse(Entitlement.Parser, data, "entitlement"), columns);
        }
    }

    public IEnumerable<BatonGrant> ReadGrants(C1zGrantQuery? query = null)
    {
        query ??= new C1zGrantQuery();
        var sql = "select data, external_id, entitlement_id, resource_type_id, resource_id, principal_resource_type_id, principal_resource_id, "
            + (_grantsHaveExpansion ? "expansion" : "null")
            + " from v1_grants where sync_id = $sync_id"
            + (query.EntitlementId is null ? string.Empty : " and entitlement_id = $entitlement_id")
            + (query.Resource is null ? string.Empty : " and resource_type_id = $resource_type_id and resource_id = $resource_id")
            + (query.Principal is null ? string.Empty : " and principal_resource_type_id = $principal_type and principal_resource_id = $principal_id")
            + " order by id";
        foreach (var (data, row) in Rows(
            sql,
            static row => (
                Id: row.GetString(1),
                EntitlementId: row.GetString(2),
                Resource: new BatonResourceId(row.GetString(3), row.GetString(4)),
                Principal: new BatonResourceId(row.GetString(5), row.GetString(6)),
                Expansion: row.IsDBNull(7) ? null : (byte[])row.GetValue(7)),
            ("$entitlement_id", query.EntitlementId),
            ("$resource_type_id", query.Resource?.ResourceType),
            ("$resource_id", query.Resource?.Resource),
            ("$principal_type", query.Principal?.ResourceType),
            ("$principal_id", query.Principal?.Resource)))
        {
            yield return WireMessages.FromWire(Parse(Grant.Parser, data, "grant"), row.Id, row.EntitlementId, row.Resource, row.Principal, row.Expansion);
        }
    }

    /// <summary>Counts for the sync run being read, by table and resource type.</summary>
    public C1zStats ReadStats()
    {
        long Count(string table) => Scalar($"select count(*) from {table} where sync_id = $sync_id");
        var byType = SqliteFiles.Query(
            _connection,
            """
            select t.external_id, (select count(*) from v1_resources r where r.resource_type_id = t.external_id and r.sync_id = t.sync_id)
            from v1_resource_types t where t.sync_id = $sync_id order by t.id
            """,
            row => KeyValuePair.Create(row.GetString(0), row.GetInt64(1)),
            ("$sync_id", Sync.Id));
        return new C1zStats(Count(C1zSchema.ResourceTypes), new Dictionary<string, long>(byType, StringComparer.Ordinal), Count(C1zSchema.Entitlements), Count(C1zSchema.Grants));
    }

    public void Dispose()
    {
        _connection.Dispose();
        DeleteDirectory(_tempDirectory);
    }

    private static DirectoryInfo CreateTempSubdirectory(string parent)
    {
        var directory = new DirectoryInfo(Path.Combine(parent, "baton-okta-aws-c1z-" + Guid.NewGuid().ToString("N")[..12]));
        if (OperatingSystem.IsWindows())
        {
            directory.Create();
        }
        else
        {
            Directory.CreateDirectory(directory.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return directory;
    }

    private static void CheckTables(string path, SqliteConnection connection)
    {
        var present = SqliteFiles.Query(connection, "select name from sqlite_master where type = 'table'", row => row.GetString(0)).ToHashSet(StringComparer.Ordinal);
        if (RequiredTables.FirstOrDefault(table => !present.Contains(table)) is { } missing)
        {
            throw new C1zException($"'{path}' is not a Baton c1z: its database has no {missing} table.");
        }
    }

    private static List<C1zSyncRun> ReadSyncRuns(SqliteConnection connection) =>
        SqliteFiles.Query(
            connection,
            "select sync_id, sync_type, started_at, ended_at from v1_sync_runs order by started_at, sync_id",
            row => new C1zSyncRun(
                row.GetString(0),
                SqliteFiles.Text(row, 1) ?? "full",
                SqliteTimestamp.Parse(SqliteFiles.Text(row, 2)),
                SqliteTimestamp.Parse(SqliteFiles.Text(row, 3))));

    private static C1zSyncRun ChooseSync(string path, List<C1zSyncRun> syncRuns, string? syncId)
    {
        if (syncId is not null)
        {
            return syncRuns.FirstOrDefault(run => run.Id == syncId)
                ?? throw new C1zException($"'{path}' has no sync run '{syncId}'.");
        }

        // Baton's view (dotc1z getCachedViewSyncRun): the finished full sync that ended last, ties broken by the
        // later sync id; with none, the unfinished sync that started last.
        return syncRuns
                .Where(run => run.IsFinished && run.Type == "full")
                .OrderByDescending(run => run.EndedAt)
                .ThenByDescending(run => run.Id, StringComparer.Ordinal)
                .FirstOrDefault()
            ?? syncRuns
                .Where(run => !run.IsFinished)
                .OrderByDescending(run => run.StartedAt)
                .FirstOrDefault()
            ?? throw new C1zException($"'{path}' holds no sync run to read.");
    }

    private static void DeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private long Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$sync_id", Sync.Id);
        return (long)(command.ExecuteScalar() ?? 0L);
    }

    private IEnumerable<(byte[] Data, T Columns)> Rows<T>(string sql, Func<SqliteDataReader, T> columns, params (string Name, string? Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$sync_id", Sync.Id);
        foreach (var (name, value) in parameters)
        {
            if (value is not null)
            {
                command.Parameters.AddWithValue(name, value);
            }
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return ((byte[])reader.GetValue(0), columns(reader));
        }
    }

    private T Parse<T>(Google.Protobuf.MessageParser<T> parser, byte[] data, string what)
        where T : Google.Protobuf.IMessage<T>
    {
        try
        {
            return parser.ParseFrom(data);
        }
        catch (Google.Protobuf.InvalidProtocolBufferException e)
        {
            throw new C1zException($"'{_path}' is corrupt: a {what} row does not hold a valid protobuf message ({e.Message}).", e);
        }
    }
}
