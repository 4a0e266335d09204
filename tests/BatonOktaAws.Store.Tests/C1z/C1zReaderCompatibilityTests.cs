using BatonOktaAws.Store.C1z;
using BatonOktaAws.Store.C1z.Wire;
using BatonOktaAws.TestSupport;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Data.Sqlite;

namespace BatonOktaAws.Store.Tests.C1z;

/// <summary>
/// Files as other Baton versions write them: the schema before v1_grants.expansion existed (the GrantExpandable
/// annotation still inside the data blob), "slim" grant blobs without entitlement and principal, profile and
/// status only on the resource, and several sync runs of which the reader must pick Baton's.
/// </summary>
public sealed class C1zReaderCompatibilityTests : IDisposable
{
    private const string OldFull = "2Zq3nb6Xeh0R9cA4H1y8Mva1Xyz";
    private const string NewFull = "2Zq3nb6Xeh0R9cA4H1y8Mva2Xyz";
    private const string Unfinished = "2Zq3nb6Xeh0R9cA4H1y8Mva3Xyz";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Open_OlderSchemaWithSeveralSyncs_ReadsTheLatestFinishedFullSync()
    {
        var path = WriteOlderFile();

        using var reader = C1zReader.Open(path);

        Assert.Equal(NewFull, reader.Sync.Id);
        Assert.Equal([OldFull, NewFull, Unfinished], reader.SyncRuns.Select(run => run.Id));
        Assert.Equal(new DateTime(2025, 12, 17, 16, 33, 36, 381).AddTicks(4229), reader.SyncRuns[1].EndedAt);
        Assert.Null(reader.SyncRuns[2].EndedAt);
        Assert.Equal(["user:00unew"], reader.ReadResources().Select(resource => resource.Id.ToString()));
    }

    [Fact]
    public void ReadResources_StatusAndProfileOnlyOnTheResource_FallBackToThem()
    {
        using var reader = C1zReader.Open(WriteOlderFile());

        var user = Assert.Single(reader.ReadResources()).User!;

        Assert.Equal(BatonUserStatus.Disabled, user.Status);
        Assert.Equal("""{"department":"Finance"}""", user.Profile!.ToJson());
        Assert.Equal([new BatonEmail("new@example.com", true)], user.Emails);
    }

    [Fact]
    public void ReadGrants_SlimBlobAndExpandableInsideTheBlob_AreRebuiltFromTheColumns()
    {
        using var reader = C1zReader.Open(WriteOlderFile());

        var grants = reader.ReadGrants().ToList();

        Assert.Equal(2, grants.Count);
        var expandable = grants[0];
        Assert.Equal("group:00g1:member:user:00unew", expandable.Id);
        Assert.Equal(["group:00g0:member"], expandable.Expandable!.EntitlementIds);
        Assert.True(expandable.Expandable.Shallow);
        var slim = grants[1];
        Assert.Equal(
            ("account:111:Admin:user:00unew", "account:111:Admin", new BatonResourceId("account", "111"), new BatonResourceId("user", "00unew")),
            (slim.Id, slim.EntitlementId, slim.EntitlementResource, slim.Principal));
        Assert.Equal([new BatonGrantSource("group:00g1:member", IsDirect: false)], slim.Sources);
    }

    [Fact]
    public void Open_WithTheSyncIdOfAnOlderRun_ReadsThatRun()
    {
        using var reader = C1zReader.Open(WriteOlderFile(), new C1zReaderOptions { SyncId = OldFull });

        Assert.Equal(["user:00uold"], reader.ReadResources().Select(resource => resource.Id.ToString()));
        Assert.Empty(reader.ReadGrants());
    }

    [Fact]
    public void Open_OnlyAnUnfinishedSync_ReadsIt()
    {
        var path = _temp.File("unfinished.c1z");
        File.WriteAllBytes(path, C1zFiles.Envelope(File.ReadAllBytes(Database(connection =>
        {
            CreateOlderSchema(connection);
            Exec(connection, $"insert into v1_sync_runs (sync_id, started_at, sync_token, sync_type) values ('{Unfinished}', '2025-12-17 16:31:25', '', 'partial')");
        }))));

        using var reader = C1zReader.Open(path);

        Assert.Equal(Unfinished, reader.Sync.Id);
        Assert.False(reader.Sync.IsFinished);
    }

    private string WriteOlderFile()
    {
        var path = _temp.File("older.c1z");
        var database = Database(connection =>
        {
            CreateOlderSchema(connection);
            Exec(connection, $"insert into v1_sync_runs (sync_id, started_at, ended_at, sync_token, sync_type) values ('{OldFull}', '2025-12-16 10:00:00', '2025-12-16 10:05:00', '', 'full')");
            Exec(connection, $"insert into v1_sync_runs (sync_id, started_at, ended_at, sync_token, sync_type) values ('{NewFull}', '2025-12-17 16:31:25.057185', '2025-12-17 16:33:36.381422987', '{{\"needs_expansion\":true}}', 'full')");
            Exec(connection, $"insert into v1_sync_runs (sync_id, started_at, sync_token, sync_type) values ('{Unfinished}', '2025-12-18 09:00:00', '', 'partial')");

            Insert(connection, "v1_resources", OldFull, "user:00uold", new Resource { Id = new ResourceId { ResourceType = "user", Resource = "00uold" }, DisplayName = "Old" }, ("resource_type_id", "user"));

            var trait = new UserTrait();
            trait.Emails.Add(new UserTrait.Types.Email { Address = "new@example.com", IsPrimary = true });
            var resource = new Resource
            {
                Id = new ResourceId { ResourceType = "user", Resource = "00unew" },
                DisplayName = "New",
                Status = new Status { Status_ = Status.Types.ResourceStatus.Disabled },
                Profile = new Struct { Fields = { ["department"] = Value.ForString("Finance") } },
            };
            resource.Annotations.Add(Any.Pack(trait));
            Insert(connection, "v1_resources", NewFull, "user:00unew", resource, ("resource_type_id", "user"));

            var expandable = new GrantExpandable { Shallow = true };
            expandable.EntitlementIds.Add("group:00g0:member");
            var withExpandable = new Grant
            {
                Id = "group:00g1:member:user:00unew",
                Entitlement = new Entitlement { Id = "group:00g1:member", Resource = new Resource { Id = new ResourceId { ResourceType = "group", Resource = "00g1" } } },
                Principal = new Resource { Id = new ResourceId { ResourceType = "user", Resource = "00unew" } },
            };
            withExpandable.Annotations.Add(Any.Pack(expandable));
            Insert(connection, "v1_grants", NewFull, withExpandable.Id, withExpandable, GrantColumns("group", "00g1", "group:00g1:member"));

            var slim = new Grant { Id = "account:111:Admin:user:00unew", Sources = new GrantSources() };
            slim.Sources.Sources["group:00g1:member"] = new GrantSources.Types.GrantSource { IsDirect = false };
            Insert(connection, "v1_grants", NewFull, slim.Id, slim, GrantColumns("account", "111", "account:111:Admin"));
        });
        File.WriteAllBytes(path, C1zFiles.Envelope(File.ReadAllBytes(database)));
        return path;
    }

    private static (string, string)[] GrantColumns(string resourceType, string resource, string entitlementId) =>
        [("resource_type_id", resourceType), ("resource_id", resource), ("entitlement_id", entitlementId), ("principal_resource_type_id", "user"), ("principal_resource_id", "00unew")];

    /// <summary>The v1 tables as baton-sdk created them before the grant expansion columns and the newer sync_runs columns.</summary>
    private static void CreateOlderSchema(SqliteConnection connection)
    {
        Exec(connection, "create table v1_resource_types (id integer primary key, external_id text not null, data blob not null, sync_id text not null, discovered_at datetime not null)");
        Exec(connection, "create table v1_resources (id integer primary key, resource_type_id text not null, external_id text not null, parent_resource_type_id text, parent_resource_id text, data blob not null, sync_id text not null, discovered_at datetime not null)");
        Exec(connection, "create table v1_entitlements (id integer primary key, resource_type_id text not null, resource_id text not null, external_id text not null, data blob not null, sync_id text not null, discovered_at datetime not null)");
        Exec(connection, "create table v1_grants (id integer primary key, resource_type_id text not null, resource_id text not null, entitlement_id text not null, principal_resource_type_id text not null, principal_resource_id text not null, external_id text not null, data blob not null, sync_id text not null, discovered_at datetime not null)");
        Exec(connection, "create table v1_sync_runs (id integer primary key, sync_id text not null, started_at datetime not null, ended_at datetime, sync_token text not null, sync_type text not null default 'full', parent_sync_id text not null default '')");
    }

    private static void Insert(SqliteConnection connection, string table, string syncId, string externalId, IMessage data, params (string Column, string Value)[] columns)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"insert into {table} (external_id, data, sync_id, discovered_at{string.Concat(columns.Select(column => ", " + column.Column))}) "
            + $"values ($external_id, $data, $sync_id, '2025-12-17 16:32:00'{string.Concat(columns.Select(column => ", $" + column.Column))})";
        command.Parameters.AddWithValue("$external_id", externalId);
        command.Parameters.AddWithValue("$data", data.ToByteArray());
        command.Parameters.AddWithValue("$sync_id", syncId);
        foreach (var (column, value) in columns)
        {
            command.Parameters.AddWithValue("$" + column, value);
        }

        command.ExecuteNonQuery();
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
