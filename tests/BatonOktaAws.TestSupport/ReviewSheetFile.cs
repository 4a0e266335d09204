using System.Text;

namespace BatonOktaAws.TestSupport;

/// <summary>One row of an access review sheet as <c>report --format csv</c> writes it, with the reviewer's decision.</summary>
public sealed record ReviewSheetRow(
    string Decision,
    string UserId,
    string Login,
    string AppId,
    string AppLabel,
    string AccountId,
    string Role,
    string Source,
    string Grant,
    string Name = "",
    string Status = "ACTIVE",
    string SourceGroup = "",
    string AlsoRemoves = "",
    string ThenApplies = "",
    string Findings = "",
    string New = "",
    string Since = "")
{
    public IReadOnlyList<string> Cells =>
        [Decision, UserId, Login, Name, Status, AppId, AppLabel, AccountId, Role, Source, SourceGroup, Grant, AlsoRemoves, ThenApplies, Findings, New, Since];
}

/// <summary>
/// Writes review sheets by hand, as the report writes them (RFC 4180, formula-looking cells prefixed with <c>'</c>)
/// and as a spreadsheet saves them again (CRLF, a UTF-8 byte-order mark).
/// </summary>
public static class ReviewSheetFile
{
    public const string Header = "decision,user_id,login,name,status,app_id,app_label,account_id,role,source,source_group,grant,also_removes,then_applies,findings,new,since";

    public static string Text(IEnumerable<ReviewSheetRow> rows, string lineEnd = "\n") =>
        string.Concat(new[] { Header }.Concat(rows.Select(r => string.Join(',', r.Cells.Select(Cell)))).Select(l => l + lineEnd));

    /// <summary>Writes the sheet; <paramref name="spreadsheet"/> saves it as Excel does (CRLF, a byte-order mark).</summary>
    public static string Write(string path, IEnumerable<ReviewSheetRow> rows, bool spreadsheet = false)
    {
        File.WriteAllText(path, Text(rows, spreadsheet ? "\r\n" : "\n"), new UTF8Encoding(encoderShouldEmitUTF8Identifier: spreadsheet));
        return path;
    }

    /// <summary>How many lines a row takes in the file (a quoted cell may hold line breaks).</summary>
    public static int LinesOf(ReviewSheetRow row) => 1 + row.Cells.Sum(c => c.Count(ch => ch == '\n'));

    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
