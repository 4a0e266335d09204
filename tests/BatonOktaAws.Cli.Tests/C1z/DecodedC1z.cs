using System.Text.Json;
using BatonOktaAws.TestSupport;

namespace BatonOktaAws.Cli.Tests.C1z;

/// <summary>A row of a v1 table with its protobuf blob decoded by protoc.</summary>
internal sealed record DecodedRow(JsonElement Columns, ProtoText Data)
{
    public string Column(string name) => Columns.GetProperty(name).GetString()!;
}

/// <summary>
/// A c1z read with Debian's tools only, independently of our writer and reader: the 5-byte header is checked and
/// skipped, the <c>zstd</c> CLI decompresses, <c>sqlite3</c> reads the tables, and <c>protoc --decode</c> decodes
/// every blob against the .proto files (many blobs per protoc run: each table's blobs are framed as the repeated
/// field of a wrapper message, which is nothing but a tag and a length before each blob).
/// </summary>
internal sealed class DecodedC1z
{
    private const string Wrappers = """
        syntax = "proto3";
        package c1ztest;
        import "c1/connector/v2/resource.proto";
        import "c1/connector/v2/entitlement.proto";
        import "c1/connector/v2/grant.proto";
        import "c1/connector/v2/annotation_trait.proto";
        import "c1/connector/v2/annotation_grant.proto";
        message ResourceTypes { repeated c1.connector.v2.ResourceType items = 1; }
        message Resources { repeated c1.connector.v2.Resource items = 1; }
        message Entitlements { repeated c1.connector.v2.Entitlement items = 1; }
        message Grants { repeated c1.connector.v2.Grant items = 1; }
        message Expansions { repeated c1.connector.v2.GrantExpandable items = 1; }
        message UserTraits { repeated c1.connector.v2.UserTrait items = 1; }
        """;

    private static readonly string ProtoRoot = Path.Combine(RepositoryRoot.Path, "src", "BatonOktaAws.Store", "C1z", "Protos");
    public required IReadOnlyList<JsonElement> SyncRuns { get; init; }
    public required IReadOnlyList<DecodedRow> ResourceTypes { get; init; }
    public required IReadOnlyList<DecodedRow> Resources { get; init; }
    public required IReadOnlyList<DecodedRow> Entitlements { get; init; }
    public required IReadOnlyList<DecodedRow> Grants { get; init; }

    /// <summary>Each grant row's decoded <c>expansion</c> column, by grant id (only grants that have one).</summary>
    public required IReadOnlyDictionary<string, ProtoText> Expansions { get; init; }

    /// <summary>Each user resource's UserTrait annotation, decoded, by user id.</summary>
    public required IReadOnlyDictionary<string, ProtoText> UserTraits { get; init; }

    public static void EnsureTools() =>
        DebianPackages.EnsureInstalled(
            DebianTool.ForCommand("zstd"),
            DebianTool.ForCommand("sqlite3"),
            DebianTool.ForCommand("protoc", "protobuf-compiler"),
            DebianTool.ForFile("/usr/include/google/protobuf/struct.proto", "libprotobuf-dev"));

    public static DecodedC1z Read(string c1z, string work)
    {
        var bytes = File.ReadAllBytes(c1z);
        Assert.Equal("C1ZF\0"u8.ToArray(), bytes[..5]);
        Directory.CreateDirectory(work);
        File.WriteAllBytes(Path.Combine(work, "body.zst"), bytes[5..]);
        var database = Path.Combine(work, "c1z.db");
        ExternalTool.Run("zstd", ["-d", "-q", "-f", Path.Combine(work, "body.zst"), "-o", database]);
        File.WriteAllText(Path.Combine(work, "c1ztest.proto"), Wrappers);
        var decoder = new Protoc(work);

        var resources = decoder.Decode(database, "Resources", "select resource_type_id, external_id, parent_resource_type_id, parent_resource_id, sync_id, hex(data) as data from v1_resources order by id");
        var grants = decoder.Decode(database, "Grants", """
            select resource_type_id, resource_id, entitlement_id, principal_resource_type_id, principal_resource_id, external_id,
                   needs_expansion, sync_id, hex(data) as data from v1_grants order by id
            """);
        var expansions = decoder.Decode(database, "Expansions", "select external_id, hex(expansion) as data from v1_grants where expansion is not null order by id");
        var users = resources.Where(row => row.Column("resource_type_id") == "user").ToList();
        var traits = decoder.DecodeBlobs(
            "UserTraits",
            users.Select(row => Assert.Single(row.Data.All("annotations"), a => a.String("type_url") == "type.googleapis.com/c1.connector.v2.UserTrait").BytesOf("value")).ToList());
        return new DecodedC1z
        {
            SyncRuns = Sql(database, "select * from v1_sync_runs"),
            ResourceTypes = decoder.Decode(database, "ResourceTypes", "select external_id, sync_id, hex(data) as data from v1_resource_types order by id"),
            Resources = resources,
            Entitlements = decoder.Decode(database, "Entitlements", "select resource_type_id, resource_id, external_id, sync_id, hex(data) as data from v1_entitlements order by id"),
            Grants = grants,
            Expansions = expansions.ToDictionary(row => row.Column("external_id"), row => row.Data, StringComparer.Ordinal),
            UserTraits = users.Zip(traits).ToDictionary(pair => pair.First.Data.One("id")!.String("resource")!, pair => pair.Second, StringComparer.Ordinal),
        };
    }

    public static List<JsonElement> Sql(string database, string query)
    {
        var output = ExternalTool.Run("sqlite3", ["-readonly", "-json", database, query]);
        return output.Trim().Length == 0 ? [] : [.. JsonDocument.Parse(output).RootElement.EnumerateArray().Select(row => row.Clone())];
    }

    /// <summary>Decodes blobs with protoc, framed as the repeated field of a wrapper message.</summary>
    private sealed class Protoc(string work)
    {
        public List<DecodedRow> Decode(string database, string wrapper, string query)
        {
            var rows = Sql(database, query);
            var decoded = DecodeBlobs(wrapper, [.. rows.Select(row => Convert.FromHexString(row.GetProperty("data").GetString()!))]);
            return [.. rows.Zip(decoded, (row, data) => new DecodedRow(row, data))];
        }

        public List<ProtoText> DecodeBlobs(string wrapper, List<byte[]> blobs)
        {
            var framed = Path.Combine(work, $"{wrapper}.bin");
            using (var file = File.Create(framed))
            {
                foreach (var blob in blobs)
                {
                    // Field 1, wire type 2 (length-delimited): the tag byte 0x0A, the length as a varint, the bytes.
                    file.WriteByte(0x0A);
                    for (var length = (uint)blob.Length; ; length >>= 7)
                    {
                        if (length < 0x80)
                        {
                            file.WriteByte((byte)length);
                            break;
                        }

                        file.WriteByte((byte)((length & 0x7F) | 0x80));
                    }

                    file.Write(blob);
                }
            }

            var text = ExternalTool.Run(
                "protoc",
                [$"--decode=c1ztest.{wrapper}", "-I", work, "-I", ProtoRoot, "-I", "/usr/include", "c1ztest.proto"],
                framed);
            var items = ProtoText.Parse(text).All("items").ToList();
            Assert.Equal(blobs.Count, items.Count);
            return items;
        }
    }
}
