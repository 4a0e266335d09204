using BatonOktaAws.Core.Review.Report;
using System.Text.Json;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Cli.Output;

/// <summary>
/// Prints access rows as an aligned table (people), a JSON array with the keys <c>userId</c>, <c>login</c>,
/// <c>status</c>, <c>appId</c>, <c>appLabel</c>, <c>accountId</c>, <c>role</c>, <c>source</c> (scripts), or CSV
/// with the same columns (spreadsheets; cells that a spreadsheet would run as a formula are prefixed with <c>'</c>).
/// </summary>
internal static class AccessOutput
{
    public static readonly string[] Formats = ["table", "json", "csv"];

    /// <param name="user">The --user filter, so an empty table can say whose access is empty.</param>
    public static void Write(TextWriter output, IReadOnlyList<AccessRow> rows, string format, string? user = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        switch (format)
        {
            case "json":
                WriteJson(output, rows);
                break;
            case "csv":
                WriteCsv(output, rows);
                break;
            default:
                WriteTable(output, rows, user);
                break;
        }
    }

    private static void WriteJson(TextWriter output, IReadOnlyList<AccessRow> rows) =>
        output.WriteLine(JsonText.Of(json => WriteArray(json, rows), indented: true));

    /// <summary>The rows as a JSON array property of an object being written (demo's JSON output).</summary>
    public static void WriteRows(Utf8JsonWriter json, IReadOnlyList<AccessRow> rows, string propertyName)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WritePropertyName(propertyName);
        WriteArray(json, rows);
    }

    private static void WriteArray(Utf8JsonWriter json, IReadOnlyList<AccessRow> rows)
    {
        json.WriteStartArray();
        foreach (var row in rows)
        {
            json.WriteStartObject();
            json.WriteString("userId", row.UserId);
            json.WriteString("login", row.Login);
            json.WriteString("status", row.UserStatus);
            json.WriteString("appId", row.AppId);
            json.WriteString("appLabel", row.AppLabel);
            json.WriteString("accountId", row.AccountId);
            json.WriteString("role", row.Role);
            json.WriteString("source", row.Source);
            json.WriteString("iamRoleArn", row.IamRoleArn);
            if (row.AdminEquivalent is { } admin)
            {
                json.WriteBoolean("adminEquivalent", admin);
            }
            else
            {
                json.WriteNull("adminEquivalent");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteCsv(TextWriter output, IReadOnlyList<AccessRow> rows)
    {
        output.WriteLine("userId,login,status,appId,appLabel,accountId,role,source,iamRoleArn,adminEquivalent");
        foreach (var row in rows)
        {
            output.WriteLine(Csv.Line([row.UserId, row.Login, row.UserStatus, row.AppId, row.AppLabel, row.AccountId, row.Role, row.Source, row.IamRoleArn, row.AdminEquivalent switch { true => "true", false => "false", null => string.Empty }]));
        }
    }

    private static void WriteTable(TextWriter output, IReadOnlyList<AccessRow> rows, string? user)
    {
        if (rows.Count == 0)
        {
            output.WriteLine(user is null ? "No one can assume a matching AWS role." : $"User {user} is in the sync file but can assume no matching AWS role.");
            return;
        }

        var cells = rows.Select(r => (IReadOnlyList<string>)
        [
            r.Login ?? r.UserId,
            r.UserStatus ?? "?",
            r.AppLabel ?? r.AppId,
            r.AccountId,
            r.AdminEquivalent == true ? $"{r.Role} [admin-equivalent]" : r.Role,
            r.SourceName is null ? r.Source : $"{r.Source} ({r.SourceName})",
        ]).ToList();
        TextTable.Write(output, ["LOGIN", "STATUS", "APP", "ACCOUNT", "ROLE", "SOURCE"], cells);
        output.WriteLine($"{rows.Count} row{(rows.Count == 1 ? string.Empty : "s")}, {rows.Select(r => r.UserId).Distinct(StringComparer.Ordinal).Count()} user(s)");
    }
}
