using System.Text;
using System.Text.Json;
using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Iam.CredentialReports;
using BatonOktaAws.Core.Iam.Policies;

namespace BatonOktaAws.Core.Iam.Loading;

/// <summary>
/// Reads the credential report: the CSV (as the console downloads it, or decoded from the CLI's output), or the
/// GetCredentialReport response <c>{"Content": base64 CSV, "ReportFormat": "text/csv", "GeneratedTime": ...}</c>.
/// Columns are found by name, so columns AWS adds later do no harm.
/// </summary>
internal static class CredentialReportReader
{
    private static readonly string[] RequiredColumns =
    [
        "user", "arn", "password_enabled", "password_last_used", "mfa_active",
        "access_key_1_active", "access_key_1_last_used_date", "access_key_2_active", "access_key_2_last_used_date",
    ];

    public static bool Recognizes(JsonElement document) =>
        document.ValueKind == JsonValueKind.Object && JsonFields.TryGet(document, "Content", out _);

    /// <exception cref="FormatException">Not a usable credential report.</exception>
    public static CredentialReport FromJson(JsonElement document, string file)
    {
        var format = ExportValues.OptionalString(document, "ReportFormat", "the credential report");
        if (format is not null && !string.Equals(format, "text/csv", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"the credential report has ReportFormat '{format}'; only text/csv is known");
        }

        var content = ExportValues.OptionalString(document, "Content", "the credential report")
            ?? throw new FormatException("the credential report's Content is empty");
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(content);
        }
        catch (FormatException ex)
        {
            throw new FormatException("the credential report's Content is not base64", ex);
        }

        return FromCsv(Encoding.UTF8.GetString(bytes), file, ExportValues.OptionalDate(document, "GeneratedTime", "the credential report"));
    }

    public static CredentialReport FromCsv(string text, string file, DateTimeOffset? generatedTime)
    {
        var rows = CsvTable.Parse(text.TrimStart('\uFEFF'));
        if (rows.Count == 0)
        {
            throw new FormatException("the file is empty");
        }

        var header = rows[0].Select(h => h.Trim()).ToList();
        var missing = RequiredColumns.Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"not a credential report: its header lacks {string.Join(", ", missing)} (expected the header of aws iam get-credential-report: user,arn,user_creation_time,password_enabled,...)");
        }

        if (rows.Count == 1)
        {
            throw new FormatException("a credential report without rows; every report has at least the root user's row, so it is cut short");
        }

        var columns = header.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.OrdinalIgnoreCase);
        var users = new List<CredentialReportUser>();
        AwsAccountId? account = null;
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Count != header.Count)
            {
                throw new FormatException($"credential report row {r + 1} has {row.Count} fields; the header has {header.Count} (the file is cut short or altered)");
            }

            var user = ReadUser(new Row(row, columns, r + 1));
            if (!AwsAccountId.TryFromArn(user.Arn, out var rowAccount))
            {
                throw new FormatException($"credential report row {r + 1} has arn '{user.Arn}', which is not an IAM ARN with an account id");
            }

            if (account is not null && account != rowAccount)
            {
                throw new FormatException($"credential report rows belong to two accounts ({account} and {rowAccount}); a credential report describes one account");
            }

            account = rowAccount;
            users.Add(user);
        }

        return new CredentialReport { AccountId = account!.Value, GeneratedTime = generatedTime, Users = users, SourceFile = file };
    }

    private static CredentialReportUser ReadUser(Row row) => new()
    {
        User = row.Text("user"),
        Arn = row.Text("arn"),
        UserCreationTime = row.Date("user_creation_time"),
        PasswordEnabled = row.Text("password_enabled") == "not_supported" ? null : row.Flag("password_enabled"),
        PasswordLastUsed = row.Date("password_last_used"),
        MfaActive = row.Flag("mfa_active"),
        AccessKeys = [Key(row, 1), Key(row, 2)],
    };

    private static AccessKeyStatus Key(Row row, int slot) => new()
    {
        Slot = slot,
        Active = row.Flag($"access_key_{slot}_active"),
        LastRotated = row.Date($"access_key_{slot}_last_rotated"),
        LastUsedDate = row.Date($"access_key_{slot}_last_used_date"),
        LastUsedRegion = row.Value($"access_key_{slot}_last_used_region"),
        LastUsedService = row.Value($"access_key_{slot}_last_used_service"),
    };

    private sealed class Row(List<string> fields, Dictionary<string, int> columns, int number)
    {
        public string Text(string column) => columns.TryGetValue(column, out var i) ? fields[i].Trim() : string.Empty;

        /// <summary>A value, or null for the report's placeholders (N/A, no_information, not_supported) and absent columns.</summary>
        public string? Value(string column) =>
            Text(column) is { Length: > 0 } text && text is not ("N/A" or "no_information" or "not_supported") ? text : null;

        public bool Flag(string column) => Text(column).ToUpperInvariant() switch
        {
            "TRUE" => true,
            "FALSE" => false,
            var other => throw new FormatException($"credential report row {number} has {column} '{other}'; expected TRUE or FALSE"),
        };

        public DateTimeOffset? Date(string column) => Value(column) is not { } text
            ? null
            : ExportValues.ParseDate(text) ?? throw new FormatException($"credential report row {number} has {column} '{text}', which is not a date");
    }
}
