namespace BatonOktaAws.Core.Review.Report;

/// <summary>
/// CSV as spreadsheets read it (RFC 4180 quoting). A cell a spreadsheet would run as a formula (starting with
/// <c>= + - @</c>, a tab or a carriage return) is prefixed with <c>'</c>: names in Okta are not ours to trust.
/// </summary>
public static class Csv
{
    public static string Line(IEnumerable<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return string.Join(',', cells.Select(Cell));
    }

    public static string Cell(string? value)
    {
        value ??= string.Empty;
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
