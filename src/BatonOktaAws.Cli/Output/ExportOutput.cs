using System.Globalization;
using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Cli.Output;

/// <summary>What a c1z export wrote: one line for people, or one JSON object (<c>--log-format json</c>).</summary>
internal static class ExportOutput
{
    public static void Write(TextWriter output, C1zWriteResult result, string source, bool json)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        if (json)
        {
            output.WriteLine(JsonText.Of(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("event", "c1z-written");
                WriteFields(writer, result, source);
                writer.WriteEndObject();
            }));
            return;
        }

        output.WriteLine(Line(result, source));
    }

    /// <summary>The export's fields, for a JSON object being written (sync's summary nests them under <c>c1z</c>).</summary>
    public static void WriteFields(System.Text.Json.Utf8JsonWriter json, C1zWriteResult result, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(result);
        json.WriteString("file", result.Path);
        json.WriteString("from", source);
        json.WriteString("batonSyncId", result.SyncId);
        json.WriteNumber("resourceTypes", result.ResourceTypes);
        json.WriteNumber("resources", result.Resources);
        json.WriteNumber("entitlements", result.Entitlements);
        json.WriteNumber("grants", result.Grants);
        json.WriteNumber("bytes", result.FileBytes);
    }

    public static string Line(C1zWriteResult result, string source)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Wrote c1z {result.Path} ({source}; Baton sync {result.SyncId}): {result.ResourceTypes} resource types, {result.Resources} resources, {result.Entitlements} entitlements, {result.Grants} grants, {result.FileBytes / 1024.0:0.0} KiB");
    }
}
