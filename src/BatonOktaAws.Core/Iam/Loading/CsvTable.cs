using System.Text;

namespace BatonOktaAws.Core.Iam.Loading;

/// <summary>RFC 4180 CSV: comma-separated, fields optionally in double quotes with <c>""</c> for a quote.</summary>
internal static class CsvTable
{
    /// <exception cref="FormatException">An unterminated quoted field.</exception>
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                if (row.Count > 1 || row[0].Length > 0)
                {
                    rows.Add(row);
                }

                row = [];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                field.Append(c);
            }

            i++;
        }

        if (quoted)
        {
            throw new FormatException("a quoted field is not closed (the file is cut short?)");
        }

        row.Add(field.ToString());
        if (row.Count > 1 || row[0].Length > 0)
        {
            rows.Add(row);
        }

        return rows;
    }
}
