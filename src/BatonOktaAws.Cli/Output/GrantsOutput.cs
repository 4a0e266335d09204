using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Cli.Output;

/// <summary>
/// Grants as <c>baton grants</c> shows them — a table of id, resource type, resource, entitlement and principal —
/// plus what each is held through (its sources: <c>direct</c> for its own entitlement, else the source
/// entitlements' names); or JSON <c>{"grants": [{"grant", "entitlement", "resource", "resourceType", "principal"}]}</c>.
/// </summary>
internal static class GrantsOutput
{
    public static void Write(TextWriter output, IReadOnlyList<BatonGrant> grants, BatonLookup lookup, string format)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(grants);
        ArgumentNullException.ThrowIfNull(lookup);
        if (format == "json")
        {
            output.WriteLine(JsonText.Of(
                json =>
                {
                    json.WriteStartObject();
                    json.WriteStartArray("grants");
                    foreach (var grant in grants)
                    {
                        json.WriteStartObject();
                        json.WritePropertyName("grant");
                        BatonJson.Grant(json, grant);
                        if (lookup.Entitlement(grant.EntitlementId) is { } entitlement)
                        {
                            json.WritePropertyName("entitlement");
                            BatonJson.Entitlement(json, entitlement, lookup.Types);
                        }

                        if (lookup.Resource(grant.EntitlementResource) is { } resource)
                        {
                            json.WritePropertyName("resource");
                            BatonJson.Resource(json, resource);
                        }

                        if (lookup.Types.TryGetValue(grant.EntitlementResource.ResourceType, out var type))
                        {
                            json.WritePropertyName("resourceType");
                            BatonJson.ResourceType(json, type);
                        }

                        if (lookup.Resource(grant.Principal) is { } principal)
                        {
                            json.WritePropertyName("principal");
                            BatonJson.Resource(json, principal);
                        }

                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                },
                indented: true));
            return;
        }

        var rows = grants.Select(grant => (IReadOnlyList<string>)
        [
            grant.Id,
            lookup.TypeName(grant.EntitlementResource.ResourceType),
            lookup.ResourceName(grant.EntitlementResource),
            lookup.EntitlementName(grant.EntitlementId),
            lookup.ResourceName(grant.Principal),
            Through(grant, lookup),
        ]).ToList();
        TextTable.Write(output, ["ID", "RESOURCE TYPE", "RESOURCE", "ENTITLEMENT", "PRINCIPAL", "THROUGH"], rows);
        output.WriteLine($"{rows.Count} grant{(rows.Count == 1 ? string.Empty : "s")}");
    }

    private static string Through(BatonGrant grant, BatonLookup lookup) =>
        grant.Sources.Count == 0
            ? "direct"
            : string.Join(", ", grant.Sources.Select(source => source.EntitlementId == grant.EntitlementId ? "direct" : lookup.EntitlementName(source.EntitlementId)));
}
