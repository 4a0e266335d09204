using System.Globalization;
using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Cli.Output;

/// <summary>
/// Counts as <c>baton stats</c> shows them — <c>resource_types</c>, <c>entitlements</c>, <c>grants</c> and the
/// resources of each resource type, sorted by name — as a table, or one JSON object of those names.
/// </summary>
internal static class StatsOutput
{
    public static void Write(TextWriter output, C1zStats stats, string format)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(stats);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal)
        {
            ["resource_types"] = stats.ResourceTypes,
            ["entitlements"] = stats.Entitlements,
            ["grants"] = stats.Grants,
        };
        foreach (var (type, count) in stats.ResourcesByType)
        {
            counts[type] = count;
        }

        if (format == "json")
        {
            output.WriteLine(JsonText.Of(
                json =>
                {
                    json.WriteStartObject();
                    foreach (var (name, count) in counts)
                    {
                        json.WriteNumber(name, count);
                    }

                    json.WriteEndObject();
                },
                indented: true));
            return;
        }

        TextTable.Write(output, ["TYPE", "COUNT"], [.. counts.Select(count => (IReadOnlyList<string>)[count.Key, count.Value.ToString(CultureInfo.InvariantCulture)])]);
    }
}
