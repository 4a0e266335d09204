using System.Text.Json;
using BatonOktaAws.Store.C1z;
using BatonOktaAws.TestSupport;

namespace BatonOktaAws.Store.Tests.C1z;

/// <summary>
/// Reads a c1z we wrote with nobody's code but Debian's: zstd decompresses it (after the 5-byte header), sqlite3
/// reads the tables, and protoc decodes every data blob against our .proto files. What they print must be what
/// was written, as rendered by <see cref="TextFormatOracle"/>, and the tables must be Baton's.
/// </summary>
public sealed class C1zIndependentDecodeTests : IDisposable
{
    private static readonly string ProtoRoot = Path.Combine(RepositoryRoot.Path, "src", "BatonOktaAws.Store", "C1z", "Protos");
    private readonly TempDirectory _temp = new();
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), TimeZoneInfo.Utc);

    public C1zIndependentDecodeTests() =>
        DebianPackages.EnsureInstalled(
            DebianTool.ForCommand("zstd"),
            DebianTool.ForCommand("sqlite3"),
            DebianTool.ForCommand("protoc", "protobuf-compiler"),
            DebianTool.ForFile("/usr/include/google/protobuf/struct.proto", "libprotobuf-dev"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Complete_Sample_DecodesWithZstdSqlite3AndProtocToWhatWasWritten()
    {
        var sample = new C1zSample();
        var result = sample.WriteTo(_temp.File("org.c1z"), _time);
        var database = Decompress(result.Path);

        var run = Assert.Single(Sql(database, "select * from v1_sync_runs"));
        Assert.Equal(result.SyncId, run.GetProperty("sync_id").GetString());
        Assert.Equal("2026-01-02 03:04:05", run.GetProperty("started_at").GetString());
        Assert.Equal("2026-01-02 03:04:05", run.GetProperty("ended_at").GetString());
        Assert.Equal(("full", "", "", ""), (Text(run, "sync_type"), Text(run, "sync_token"), Text(run, "parent_sync_id"), Text(run, "linked_sync_id")));
        Assert.Equal((1, 1), (run.GetProperty("supports_diff").GetInt32(), run.GetProperty("grants_backfilled").GetInt32()));
        Assert.Equal(JsonValueKind.Null, run.GetProperty("stats").ValueKind);

        var resourceTypes = Sql(database, "select external_id, hex(data) as data, sync_id, discovered_at from v1_resource_types order by id");
        Assert.Equal(sample.ResourceTypes.Select(type => type.Id), resourceTypes.Select(row => Text(row, "external_id")));
        foreach (var (row, resourceType) in resourceTypes.Zip(sample.ResourceTypes))
        {
            AssertRowOfThisSync(row, result.SyncId);
            Assert.Equal(TextFormatOracle.ResourceType(resourceType), Decode(row, "ResourceType"));
        }

        var resources = Sql(database, "select resource_type_id, external_id, parent_resource_type_id, parent_resource_id, hex(data) as data, sync_id, discovered_at from v1_resources order by id");
        Assert.Equal(sample.Resources.Count, resources.Count);
        foreach (var (row, resource) in resources.Zip(sample.Resources))
        {
            AssertRowOfThisSync(row, result.SyncId);
            Assert.Equal((resource.Id.ResourceType, $"{resource.Id.ResourceType}:{resource.Id.Resource}"), (Text(row, "resource_type_id"), Text(row, "external_id")));
            Assert.Equal((resource.Parent?.ResourceType, resource.Parent?.Resource), (Text(row, "parent_resource_type_id"), Text(row, "parent_resource_id")));
            Assert.Equal(TextFormatOracle.Resource(resource), Decode(row, "Resource"));
        }

        var entitlements = Sql(database, "select resource_type_id, resource_id, external_id, hex(data) as data, sync_id, discovered_at from v1_entitlements order by id");
        Assert.Equal(sample.Entitlements.Count, entitlements.Count);
        foreach (var (row, entitlement) in entitlements.Zip(sample.Entitlements))
        {
            AssertRowOfThisSync(row, result.SyncId);
            Assert.Equal(
                (entitlement.Resource.ResourceType, entitlement.Resource.Resource, $"{entitlement.Resource.ResourceType}:{entitlement.Resource.Resource}:{entitlement.Slug}"),
                (Text(row, "resource_type_id"), Text(row, "resource_id"), Text(row, "external_id")));
            Assert.Equal(TextFormatOracle.Entitlement(entitlement, sample.ResourceTypes), Decode(row, "Entitlement"));
        }

        var grants = Sql(database, """
            select resource_type_id, resource_id, entitlement_id, principal_resource_type_id, principal_resource_id, external_id,
                   case when expansion is null then null else hex(expansion) end as expansion, needs_expansion, hex(data) as data, sync_id, discovered_at
            from v1_grants order by id
            """);
        Assert.Equal(sample.Grants.Count, grants.Count);
        foreach (var (row, grant) in grants.Zip(sample.Grants))
        {
            AssertRowOfThisSync(row, result.SyncId);
            Assert.Equal(
                (grant.EntitlementResource.ResourceType, grant.EntitlementResource.Resource, grant.EntitlementId, grant.Principal.ResourceType, grant.Principal.Resource),
                (Text(row, "resource_type_id"), Text(row, "resource_id"), Text(row, "entitlement_id"), Text(row, "principal_resource_type_id"), Text(row, "principal_resource_id")));
            Assert.Equal($"{grant.EntitlementId}:{grant.Principal.ResourceType}:{grant.Principal.Resource}", Text(row, "external_id"));
            Assert.Equal(TextFormatOracle.Grant(grant), Decode(row, "Grant"));
            if (grant.Expandable is null)
            {
                Assert.Equal(JsonValueKind.Null, row.GetProperty("expansion").ValueKind);
                Assert.Equal(0, row.GetProperty("needs_expansion").GetInt32());
            }
            else
            {
                Assert.Equal(TextFormatOracle.GrantExpandable(grant.Expandable), Decode(row, "GrantExpandable", "expansion"));
                Assert.Equal(1, row.GetProperty("needs_expansion").GetInt32());
            }
        }
    }

    [Fact]
    public void Complete_Sample_HasBatonsTablesColumnsAndIndexes()
    {
        var database = Decompress(new C1zSample().WriteTo(_temp.File("org.c1z"), _time).Path);

        var columns = Sql(database, """
            select m.name || '.' || c.name || ' ' || lower(c.type) || (case when c."notnull" then ' not null' else '' end)
                   || (case when c.dflt_value is not null then ' default ' || c.dflt_value else '' end) || (case when c.pk then ' primary key' else '' end) as line
            from sqlite_master m join pragma_table_info(m.name) c where m.type = 'table' order by m.name, c.cid
            """).Select(row => Text(row, "line"));
        var indexes = Sql(database, """
            select i.name || ' on ' || m.name || (case when i."unique" then ' unique' else '' end) || ' (' ||
                   (select group_concat(name, ', ') from (select name from pragma_index_info(i.name) order by seqno)) || ')'
                   || (case when i.partial then ' partial' else '' end) as line
            from sqlite_master m join pragma_index_list(m.name) i where m.type = 'table' order by i.name
            """).Select(row => Text(row, "line"));

        // baton-sdk v0.25.0 pkg/dotc1z: each table descriptor's schema plus its migrations.
        Assert.Equal(
            [
                "v1_assets.id integer primary key", "v1_assets.external_id text not null", "v1_assets.content_type text not null",
                "v1_assets.data blob not null", "v1_assets.sync_id text not null", "v1_assets.discovered_at datetime not null",
                "v1_connector_sessions.id integer primary key", "v1_connector_sessions.sync_id text not null",
                "v1_connector_sessions.key text not null", "v1_connector_sessions.value blob not null",
                "v1_entitlements.id integer primary key", "v1_entitlements.resource_type_id text not null", "v1_entitlements.resource_id text not null",
                "v1_entitlements.external_id text not null", "v1_entitlements.data blob not null", "v1_entitlements.sync_id text not null",
                "v1_entitlements.discovered_at datetime not null",
                "v1_grants.id integer primary key", "v1_grants.resource_type_id text not null", "v1_grants.resource_id text not null",
                "v1_grants.entitlement_id text not null", "v1_grants.principal_resource_type_id text not null", "v1_grants.principal_resource_id text not null",
                "v1_grants.external_id text not null", "v1_grants.expansion blob", "v1_grants.needs_expansion integer not null default 0",
                "v1_grants.data blob not null", "v1_grants.sync_id text not null", "v1_grants.discovered_at datetime not null",
                "v1_resource_types.id integer primary key", "v1_resource_types.external_id text not null", "v1_resource_types.data blob not null",
                "v1_resource_types.sync_id text not null", "v1_resource_types.discovered_at datetime not null",
                "v1_resources.id integer primary key", "v1_resources.resource_type_id text not null", "v1_resources.external_id text not null",
                "v1_resources.parent_resource_type_id text", "v1_resources.parent_resource_id text", "v1_resources.data blob not null",
                "v1_resources.sync_id text not null", "v1_resources.discovered_at datetime not null",
                "v1_sync_runs.id integer primary key", "v1_sync_runs.sync_id text not null", "v1_sync_runs.started_at datetime not null",
                "v1_sync_runs.ended_at datetime", "v1_sync_runs.sync_token text not null", "v1_sync_runs.sync_type text not null default 'full'",
                "v1_sync_runs.parent_sync_id text not null default ''", "v1_sync_runs.linked_sync_id text not null default ''",
                "v1_sync_runs.supports_diff integer not null default 0", "v1_sync_runs.grants_backfilled integer not null default 0",
                "v1_sync_runs.stats text", "v1_sync_runs.ingest_invariant_generation text not null default ''",
                "v1_sync_runs.ingest_invariant_coverage text not null default ''", "v1_sync_runs.ingest_invariant_mode text not null default ''",
            ],
            columns);
        Assert.Equal(
            [
                "idx_assets_external_sync_v1 on v1_assets unique (external_id, sync_id)",
                "idx_entitlements_external_sync_v1 on v1_entitlements unique (external_id, sync_id)",
                "idx_entitlements_resource_id_v1 on v1_entitlements (resource_type_id, resource_id)",
                "idx_grants_entitlement_id_principal_id_v1 on v1_grants (entitlement_id, principal_resource_type_id, principal_resource_id)",
                "idx_grants_entitlement_sync_grant_v1 on v1_grants (entitlement_id, sync_id, id)",
                "idx_grants_external_sync_v1 on v1_grants unique (external_id, sync_id)",
                "idx_grants_principal_id_v1 on v1_grants (principal_resource_type_id, principal_resource_id)",
                "idx_grants_resource_type_id_resource_id_v1 on v1_grants (resource_type_id, resource_id)",
                "idx_grants_sync_expansion_v1 on v1_grants (sync_id) partial",
                "idx_grants_sync_needs_expansion_v1 on v1_grants (sync_id) partial",
                "idx_resource_types_external_sync_v1 on v1_resource_types unique (external_id, sync_id)",
                "idx_resources_external_sync_v1 on v1_resources (parent_resource_type_id, parent_resource_id)",
                "idx_resources_parent_resource_id_v1 on v1_resources unique (external_id, sync_id)",
                "idx_resources_resource_type_id_v1 on v1_resources (resource_type_id)",
                "idx_session_store_sync_key_v1 on v1_connector_sessions unique (sync_id, key)",
                "idx_sync_runs_sync_id_v1 on v1_sync_runs unique (sync_id)",
            ],
            indexes);
    }

    [Fact]
    public void Complete_Sample_IsOneZstdFrameWithContentSizeAndChecksum()
    {
        var path = new C1zSample().WriteTo(_temp.File("org.c1z"), _time).Path;
        var database = Decompress(path);

        var listing = ExternalTool.Run("zstd", ["-lv", _temp.File("org.zst")]);

        Assert.Equal("C1ZF\0"u8.ToArray(), File.ReadAllBytes(path)[..5]);
        Assert.Contains("# Zstandard Frames: 1", listing, StringComparison.Ordinal);
        Assert.Contains($"({new FileInfo(database).Length} B)", listing[listing.IndexOf("Decompressed Size", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("Check: XXH64", listing, StringComparison.Ordinal);
    }

    private string Decompress(string c1z)
    {
        File.WriteAllBytes(_temp.File("org.zst"), File.ReadAllBytes(c1z)[5..]);
        ExternalTool.Run("zstd", ["-d", "-q", "-f", _temp.File("org.zst"), "-o", _temp.File("org.db")]);
        return _temp.File("org.db");
    }

    private static List<JsonElement> Sql(string database, string query)
    {
        var output = ExternalTool.Run("sqlite3", ["-readonly", "-json", database, query]);
        return output.Trim().Length == 0 ? [] : [.. JsonDocument.Parse(output).RootElement.EnumerateArray().Select(row => row.Clone())];
    }

    private static string? Text(JsonElement row, string column) =>
        row.GetProperty(column).ValueKind == JsonValueKind.Null ? null : row.GetProperty(column).GetString();

    private static void AssertRowOfThisSync(JsonElement row, string syncId)
    {
        Assert.Equal(syncId, Text(row, "sync_id"));
        Assert.Equal("2026-01-02 03:04:05", Text(row, "discovered_at"));
    }

    private string Decode(JsonElement row, string message, string column = "data") =>
        Decode(Convert.FromHexString(Text(row, column)!), message);

    /// <summary>
    /// protoc --decode prints a google.protobuf.Any as its type_url and escaped value bytes; decode those bytes with
    /// protoc too and print them expanded, <c>[type_url] { ... }</c>, as the oracle renders annotations.
    /// </summary>
    private string Decode(byte[] data, string message)
    {
        var blob = _temp.File($"blob-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(blob, data);
        var lines = Protoc(blob, message).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var expanded = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimStart();
            if (!line.StartsWith("type_url: \"", StringComparison.Ordinal))
            {
                expanded.Add(lines[i]);
                continue;
            }

            var indent = lines[i][..(lines[i].Length - line.Length)];
            var typeUrl = line["type_url: \"".Length..^1];
            var value = Array.Empty<byte>();
            if (i + 1 < lines.Length && lines[i + 1].TrimStart().StartsWith("value: \"", StringComparison.Ordinal))
            {
                value = ProtocEscapes.Unescape(lines[++i].TrimStart()["value: \"".Length..^1]);
            }

            expanded.Add($"{indent}[{typeUrl}] {{");
            expanded.AddRange(Decode(value, typeUrl[(typeUrl.LastIndexOf('.') + 1)..]).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(inner => indent + "  " + inner));
            expanded.Add($"{indent}}}");
        }

        return string.Concat(expanded.Select(line => line + "\n"));
    }

    private static string Protoc(string blob, string message) =>
        ExternalTool.Run(
            "protoc",
            [
                $"--decode=c1.connector.v2.{message}", "-I", ProtoRoot, "-I", "/usr/include",
                "c1/connector/v2/resource.proto", "c1/connector/v2/entitlement.proto", "c1/connector/v2/grant.proto",
                "c1/connector/v2/annotation_trait.proto", "c1/connector/v2/annotation_grant.proto",
            ],
            blob);
}
