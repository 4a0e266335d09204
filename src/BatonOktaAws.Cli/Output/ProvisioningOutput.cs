using System.Globalization;
using BatonOktaAws.Core.Provisioning;

namespace BatonOktaAws.Cli.Output;

/// <summary>
/// Prints each change's result: readable lines with a summary, or (<c>--output json</c>) one JSON object per
/// change with <c>action</c>, <c>entitlement</c>, <c>principal</c>, <c>result</c>, <c>error</c>, plus the
/// <c>line</c> and the <c>writes</c> made or, in a dry run, planned.
/// </summary>
internal static class ProvisioningOutput
{
    public static readonly string[] Formats = ["text", "json"];

    public static void Write(TextWriter output, IReadOnlyList<ProvisioningResult> results, string format, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(results);
        if (format == "json")
        {
            foreach (var result in results)
            {
                output.WriteLine(Json(result));
            }

            return;
        }

        foreach (var result in results)
        {
            var change = result.Change;
            var what = change is null ? "(unreadable line)" : $"{(change.Action == ChangeAction.Grant ? "grant" : "revoke")} {change.Entitlement} to {change.PrincipalRef}";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"line {result.Line}: {result.Outcome.Name()}: {what}"));
            foreach (var write in result.Writes)
            {
                output.WriteLine($"    {(dryRun ? "would call" : "called")} {write}");
            }

            if (result.Before is not null && result.After is not null && result.Before != result.After)
            {
                output.WriteLine($"    before: {result.Before}; after: {result.After}");
            }

            foreach (var warning in result.Warnings)
            {
                output.WriteLine($"    warning: {warning}");
            }

            if (result.Error is not null)
            {
                output.WriteLine($"    error: {result.Error}");
            }
        }

        var counts = Enum.GetValues<ProvisioningOutcome>()
            .Select(o => (Outcome: o, Count: results.Count(r => r.Outcome == o)))
            .Where(c => c.Count > 0)
            .Select(c => $"{c.Count} {c.Outcome.Name()}");
        output.WriteLine($"{(dryRun ? "Dry run, nothing changed" : "Done")}: {string.Join(", ", counts)}.");
    }

    private static string Json(ProvisioningResult result) => JsonText.Of(json =>
    {
        json.WriteStartObject();
        json.WriteNumber("line", result.Line);
        json.WriteString("action", result.Change is null ? null : result.Change.Action == ChangeAction.Grant ? "grant" : "revoke");
        json.WriteString("entitlement", result.Change?.Entitlement.ToString());
        json.WriteString("principal", result.Change?.PrincipalRef);
        json.WriteString("result", result.Outcome.Name());
        json.WriteString("error", result.Error);
        json.WriteStartArray("writes");
        foreach (var write in result.Writes)
        {
            json.WriteStartObject();
            json.WriteString("method", write.Method);
            json.WriteString("path", write.Path);
            json.WriteString("body", write.Body);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });
}
