using System.Globalization;
using System.Text.Json;
using BatonOktaAws.Core.Provisioning;

namespace BatonOktaAws.Cli.Output;

/// <summary>
/// Prints each change's result: readable lines with a summary, or (<c>--output json</c>) one JSON object per
/// change with <c>line</c>, <c>lines</c> (every change-file line it covers), <c>action</c>, <c>entitlement</c>,
/// <c>principal</c>, <c>appId</c> and <c>appLabel</c> (the AWS app used; null for a membership), <c>result</c>,
/// <c>error</c>, the <c>writes</c> made or, in a dry run, planned, <c>rolesMadeDirect</c> and <c>warnings</c>.
/// Review-sheet rows left alone (<c>skipped-keep</c>, <c>skipped-no-decision</c>) are one object each in JSON,
/// and only counted in text.
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

        foreach (var result in results.Where(r => !r.Outcome.IsSkipped()))
        {
            WriteText(output, result, dryRun);
        }

        output.WriteLine($"{(dryRun ? "Dry run, nothing changed" : "Done")}: {Summary(results)}.");
    }

    /// <summary>"2 revoked (3 lines), 1 failed, 4 skipped (keep)": each outcome's count, and the lines when a change covers several.</summary>
    public static string Summary(IReadOnlyList<ProvisioningResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var counts = Enum.GetValues<ProvisioningOutcome>()
            .Select(o => (Outcome: o, Results: results.Where(r => r.Outcome == o).ToList()))
            .Where(c => c.Results.Count > 0)
            .Select(c =>
            {
                var lines = c.Results.Sum(r => r.Lines.Count);
                return string.Create(CultureInfo.InvariantCulture, $"{c.Results.Count} {c.Outcome.SummaryName()}{(lines > c.Results.Count ? $" ({lines} lines)" : string.Empty)}");
            })
            .ToList();
        return counts.Count == 0 ? "no changes" : string.Join(", ", counts);
    }

    /// <summary>"grant account:1:R to user:alice" or "revoke group:g:member from user:bob".</summary>
    public static string Describe(ProvisioningResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var verb = ActionName(result.Action);
        var change = result.Change;
        var inApp = result.App is null ? string.Empty : $" in app {result.App}";
        return change is null
            ? $"{verb} (unreadable line)"
            : $"{verb} {change.Entitlement} {(result.Action == ChangeAction.Grant ? "to" : "from")} {change.PrincipalRef}{inApp}";
    }

    private static void WriteText(TextWriter output, ProvisioningResult result, bool dryRun)
    {
        var lines = result.Lines.Count == 1
            ? string.Create(CultureInfo.InvariantCulture, $"line {result.Line}")
            : "lines " + string.Join(", ", result.Lines.Select(l => l.ToString(CultureInfo.InvariantCulture)));
        output.WriteLine($"{lines}: {result.Outcome.Name()}: {Describe(result)}");
        var verb = result.Outcome switch
        {
            ProvisioningOutcome.Planned => "would call",
            ProvisioningOutcome.OutcomeUnknown => "sent, outcome unknown:",
            _ => dryRun ? "would call" : "called",
        };
        foreach (var write in result.Writes)
        {
            output.WriteLine($"    {verb} {write}");
        }

        if (result.Before is not null && result.After is not null && result.Before != result.After)
        {
            output.WriteLine($"    before: {result.Before}; after: {result.After}");
        }

        if (result.RolesMadeDirect.Count > 0)
        {
            var held = result.Outcome == ProvisioningOutcome.Planned ? "would now be held" : "now held";
            output.WriteLine($"    {held} directly instead of through their group (joinAllRoles is off, so later changes to the group's roles no longer reach this user): {string.Join(", ", result.RolesMadeDirect)}");
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

    private static string ActionName(ChangeAction action) => action == ChangeAction.Grant ? "grant" : "revoke";

    private static string Json(ProvisioningResult result) => JsonText.Of(json =>
    {
        json.WriteStartObject();
        json.WriteNumber("line", result.Line);
        json.WriteStartArray("lines");
        foreach (var line in result.Lines)
        {
            json.WriteNumberValue(line);
        }

        json.WriteEndArray();
        json.WriteString("action", ActionName(result.Action));
        json.WriteString("entitlement", result.Change?.Entitlement.ToString());
        json.WriteString("principal", result.Change?.PrincipalRef);
        json.WriteString("appId", result.App?.Id);
        json.WriteString("appLabel", result.App?.Label);
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
        WriteRolesMadeDirect(json, result.RolesMadeDirect);
        json.WriteStartArray("warnings");
        foreach (var warning in result.Warnings)
        {
            json.WriteStringValue(warning);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary><c>"rolesMadeDirect": [{"role": ..., "groups": [{"id": ..., "name": ...}]}]</c> (also in the audit log).</summary>
    public static void WriteRolesMadeDirect(Utf8JsonWriter json, IReadOnlyList<RoleMadeDirect> roles)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(roles);
        json.WriteStartArray("rolesMadeDirect");
        foreach (var role in roles)
        {
            json.WriteStartObject();
            json.WriteString("role", role.Role);
            json.WriteStartArray("groups");
            foreach (var group in role.Groups)
            {
                json.WriteStartObject();
                json.WriteString("id", group.Id);
                json.WriteString("name", group.Name);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
