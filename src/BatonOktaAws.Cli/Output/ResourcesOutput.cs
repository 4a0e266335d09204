using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Cli.Output;

/// <summary>
/// Resources as <c>baton resources</c> shows them: a table of id, display name, resource type and parent, or JSON
/// <c>{"resources": [{"resource", "resourceType", "parent"}]}</c>.
/// </summary>
internal static class ResourcesOutput
{
    public static void Write(TextWriter output, IReadOnlyList<BatonResource> resources, BatonLookup lookup, string format)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(lookup);
        if (format == "json")
        {
            output.WriteLine(JsonText.Of(
                json =>
                {
                    json.WriteStartObject();
                    json.WriteStartArray("resources");
                    foreach (var resource in resources)
                    {
                        json.WriteStartObject();
                        json.WritePropertyName("resource");
                        BatonJson.Resource(json, resource);
                        if (lookup.Types.TryGetValue(resource.Id.ResourceType, out var type))
                        {
                            json.WritePropertyName("resourceType");
                            BatonJson.ResourceType(json, type);
                        }

                        if (resource.Parent is not null && lookup.Resource(resource.Parent) is { } parent)
                        {
                            json.WritePropertyName("parent");
                            BatonJson.Resource(json, parent);
                        }

                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                },
                indented: true));
            return;
        }

        var rows = resources.Select(resource => (IReadOnlyList<string>)
        [
            resource.Id.Resource,
            resource.DisplayName,
            lookup.TypeName(resource.Id.ResourceType),
            resource.Parent is null ? "-" : $"{lookup.ResourceName(resource.Parent)} ({resource.Parent.ResourceType})",
        ]).ToList();
        TextTable.Write(output, ["ID", "DISPLAY NAME", "RESOURCE TYPE", "PARENT RESOURCE"], rows);
        output.WriteLine($"{rows.Count} resource{(rows.Count == 1 ? string.Empty : "s")}");
    }
}
