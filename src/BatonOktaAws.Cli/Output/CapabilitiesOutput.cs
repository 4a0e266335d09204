using BatonOktaAws.Core.Baton.Export;

namespace BatonOktaAws.Cli.Output;

/// <summary>
/// The connector's capabilities as a Baton connector's <c>capabilities</c> command prints them (baton-sdk
/// pkg/cli MakeCapabilitiesCommand): a <c>ConnectorCapabilities</c> message packed in <c>google.protobuf.Any</c>,
/// in protojson — each resource type (sorted by id) with CAPABILITY_SYNC, and CAPABILITY_PROVISION where grant and
/// revoke change its entitlements' grants; the connector's capabilities are their union, sorted by enum number.
/// </summary>
internal static class CapabilitiesOutput
{
    // c1.connector.v2.Capability numbers, for Baton's sort order.
    private const int Provision = 1;
    private const int Sync = 2;

    public static void Write(TextWriter output, IReadOnlyList<IResourceTypeExport> types)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(types);
        var connector = new SortedSet<int>();
        output.WriteLine(JsonText.Of(
            json =>
            {
                json.WriteStartObject();
                json.WriteString("@type", "type.googleapis.com/c1.connector.v2.ConnectorCapabilities");
                json.WriteStartArray("resourceTypeCapabilities");
                foreach (var type in types.OrderBy(type => type.ResourceType.Id, StringComparer.Ordinal))
                {
                    int[] capabilities = type.SupportsProvisioning ? [Sync, Provision] : [Sync];
                    connector.UnionWith(capabilities);
                    json.WriteStartObject();
                    json.WritePropertyName("resourceType");
                    BatonJson.ResourceType(json, type.ResourceType);
                    json.WriteStartArray("capabilities");
                    foreach (var capability in capabilities)
                    {
                        json.WriteStringValue(Name(capability));
                    }

                    json.WriteEndArray();
                    json.WriteStartObject("permissions");
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("connectorCapabilities");
                foreach (var capability in connector)
                {
                    json.WriteStringValue(Name(capability));
                }

                json.WriteEndArray();
                json.WriteStartObject("credentialDetails");
                json.WriteEndObject();
                json.WriteEndObject();
            },
            indented: true));
    }

    private static string Name(int capability) => capability == Provision ? "CAPABILITY_PROVISION" : "CAPABILITY_SYNC";
}
