using System.Text;

namespace BatonOktaAws.Core.Provisioning;

/// <summary>One record of a CSV file: its cells and the line it starts on (a quoted cell may span lines).</summary>
/// <param name="Error">Why the record could not be read as CSV, or null.</param>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Cells, string? Error)
{
    /// <summary>No cell holds anything but spaces (a blank line, or a spreadsheet's empty row <c>,,,,</c>).</summary>
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// Reads CSV as RFC 4180 writes it and spreadsheets save it: cells separated by commas, records by CRLF, LF or CR;
/// a cell in double quotes may hold commas, quotes (doubled) and line breaks; a UTF-8 byte-order mark before the
/// first cell is dropped. A line starting with <c>#</c> (outside a quoted cell) is a comment. Each record knows the
/// line it starts on, so errors name the line a person sees in an editor.
/// </summary>
/// <remarks>
/// Our own reader rather than CsvHelper: change files and review sheets are small, the rules above are the whole of
/// what is needed, and record start lines, comments and per-record errors (a malformed row fails that row, not the
/// file) would otherwise have to be bolted onto a general library.
/// </remarks>
internal static class CsvRecordReader
{
    private const char ByteOrderMark = '\uFEFF';

    public static IEnumerable<CsvRecord> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = text.Length > 0 && text[0] == ByteOrderMark ? 1 : 0;
        var line = 1;
        while (i < text.Length)
        {
            var start = line;
            if (text[i] == '#')
            {
                // A comment runs to the end of its line.
                while (i < text.Length && text[i] is not ('\r' or '\n'))
                {
                    i++;
                }

                i = SkipLineBreak(text, i, ref line);
                continue;
            }

            var cells = new List<string>();
            var cell = new StringBuilder();
            string? error = null;
            var quoted = false;
            var closed = false;
            while (i < text.Length)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i += 2;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                        closed = true;
                        i++;
                    }
                    else if (c is '\r' or '\n')
                    {
                        cell.Append('\n');
                        i = SkipLineBreak(text, i, ref line);
                    }
                    else
                    {
                        cell.Append(c);
                        i++;
                    }

                    continue;
                }

                if (c == ',')
                {
                    cells.Add(cell.ToString());
                    cell.Clear();
                    closed = false;
                    i++;
                }
                else if (c is '\r' or '\n')
                {
                    i = SkipLineBreak(text, i, ref line);
                    break;
                }
                else if (closed)
                {
                    // After a closing quote only spaces may come before the comma; anything else means the quoting is broken.
                    if (c != ' ' && error is null)
                    {
                        error = $"cell {cells.Count + 1} has text after its closing quote; a quote inside a quoted cell is written twice (\"\")";
                    }

                    i++;
                }
                else if (c == '"' && cell.ToString().Trim().Length == 0)
                {
                    // Spaces before an opening quote are not part of the cell.
                    cell.Clear();
                    quoted = true;
                    i++;
                }
                else
                {
                    // A quote inside an unquoted cell is taken as written, as spreadsheets do.
                    cell.Append(c);
                    i++;
                }
            }

            if (quoted)
            {
                error = $"a quoted cell opened on line {start} is never closed (a missing \"), so the rest of the file cannot be read";
            }

            cells.Add(cell.ToString());
            yield return new CsvRecord(start, cells, error);
        }
    }

    /// <summary>
    /// A cell as the writer meant it: CSV writers (ours among them) put <c>'</c> before a cell a spreadsheet would run
    /// as a formula (<c>= + - @</c>, tab, carriage return); that quote is taken off again.
    /// </summary>
    public static string Unescape(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? cell[1..] : cell;
    }

    private static int SkipLineBreak(string text, int i, ref int line)
    {
        if (i >= text.Length)
        {
            return i;
        }

        line++;
        return text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? i + 2 : i + 1;
    }
}
