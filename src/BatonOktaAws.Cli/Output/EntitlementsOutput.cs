using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Cli.Output;

/// <summary>
/// Entitlements as <c>baton entitlements</c> shows them: a table of id, display name, resource type, resource and
/// permission (the slug), or JSON <c>{"entitlements": [{"entitlement", "resource", "resourceType"}]}</c>.
/// </summary>
internal static class EntitlementsOutput
{
    public static void Write(TextWriter output, IReadOnlyList<BatonEntitlement> entitlements, BatonLookup lookup, string format)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(entitlements);
        ArgumentNullException.ThrowIfNull(lookup);
        if (format == "json")
        {
            output.WriteLine(JsonText.Of(
                json =>
                {
                    json.WriteStartObject();
                    json.WriteStartArray("entitlements");
                    foreach (var entitlement in entitlements)
                    {
                        json.WriteStartObject();
                        json.WritePropertyName("entitlement");
                        BatonJson.Entitlement(json, entitlement, lookup.Types);
                        if (lookup.Resource(entitlement.Resource) is { } resource)
                        {
                            json.WritePropertyName("resource");
                            BatonJson.Resource(json, resource);
                        }

                        if (lookup.Types.TryGetValue(entitlement.Resource.ResourceType, out var type))
                        {
                            json.WritePropertyName("resourceType");
                            BatonJson.ResourceType(json, type);
                        }

                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                },
                indented: true));
            return;
        }

        var rows = entitlements.Select(entitlement => (IReadOnlyList<string>)
        [
            entitlement.Id,
            entitlement.DisplayName,
            lookup.TypeName(entitlement.Resource.ResourceType),
            lookup.ResourceName(entitlement.Resource),
            entitlement.Slug,
        ]).ToList();
        TextTable.Write(output, ["ID", "DISPLAY NAME", "RESOURCE TYPE", "RESOURCE", "PERMISSION"], rows);
        output.WriteLine($"{rows.Count} entitlement{(rows.Count == 1 ? string.Empty : "s")}");
    }
}
