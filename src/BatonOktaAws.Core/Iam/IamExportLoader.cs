using System.Text;
using System.Text.Json;
using BatonOktaAws.Core.Iam.Loading;

namespace BatonOktaAws.Core.Iam;

/// <summary>
/// Loads AWS IAM exports — <c>aws iam get-account-authorization-details</c> and <c>aws iam get-credential-report</c>
/// output — from files and directories (a directory means every <c>*.json</c> and <c>*.csv</c> directly in it)
/// into an <see cref="IamEstate"/>. Never calls AWS. docs/aws-iam.md describes the accepted shapes.
/// </summary>
public static class IamExportLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="IamExportException">A path is missing or a file is not a usable export; one line naming the file.</exception>
    public static IamEstate Load(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = Files(paths);
        if (files.Count == 0)
        {
            throw new IamExportException("No IAM export files were given.");
        }

        var builder = new EstateBuilder();
        foreach (var file in files)
        {
            LoadFile(file, builder);
        }

        return builder.Build();
    }

    public static IamEstate Load(params string[] paths) => Load((IEnumerable<string>)paths);

    private static List<string> Files(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var inDirectory = Directory.EnumerateFiles(path)
                    .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (inDirectory.Count == 0)
                {
                    throw new IamExportException($"IAM export directory {path} has no .json or .csv files.");
                }

                files.AddRange(inDirectory);
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new IamExportException($"IAM export {path} does not exist.");
            }
        }

        return [.. files.DistinctBy(Path.GetFullPath)];
    }

    private static void LoadFile(string file, EstateBuilder builder)
    {
        var text = ReadText(file);
        var modifiedAt = new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new IamExportException($"IAM export {file}: the file is empty.");
        }

        var trimmed = text.TrimStart();
        if (trimmed[0] is not ('{' or '['))
        {
            // Not JSON: the credential report as CSV (what the console downloads, or the CLI's Content decoded).
            var report = Wrap(file, null, () => CredentialReportReader.FromCsv(text, file, generatedTime: null));
            builder.Add(report, new IamExportSource(file, IamExportKind.CredentialReport, modifiedAt));
            return;
        }

        var documents = Documents(file, text);
        if (documents.Count == 0)
        {
            throw new IamExportException($"IAM export {file}: not an IAM export — an empty JSON list.");
        }

        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            var where = documents.Count > 1 ? $"document {i + 1}" : null;
            if (AuthorizationDetailsReader.Recognizes(document))
            {
                var page = Wrap(file, where, () => AuthorizationDetailsReader.Read(document));
                builder.Add(page, new IamExportSource(file, IamExportKind.AuthorizationDetails, modifiedAt));
            }
            else if (CredentialReportReader.Recognizes(document))
            {
                var report = Wrap(file, where, () => CredentialReportReader.FromJson(document, file));
                builder.Add(report, new IamExportSource(file, IamExportKind.CredentialReport, modifiedAt));
            }
            else
            {
                throw new IamExportException(
                    $"IAM export {file}{(where is null ? string.Empty : $" ({where})")}: not an IAM export — JSON without RoleDetailList, UserDetailList, GroupDetailList or Policies (get-account-authorization-details) or Content (get-credential-report).");
            }
        }
    }

    /// <summary>The file as text: UTF-8, or UTF-16 with a byte order mark (what Windows PowerShell's <c>&gt;</c> writes).</summary>
    private static string ReadText(string file)
    {
        try
        {
            using var reader = new StreamReader(file, StrictUtf8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            throw new IamExportException($"IAM export {file}: not text (neither UTF-8 nor UTF-16 with a byte order mark); expected JSON or CSV.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IamExportException($"IAM export {file}: cannot be read ({OneLine(ex.Message)}).", ex);
        }
    }

    /// <summary>
    /// Every JSON document in the file: one, several one after another (pages saved by appending), or a top-level
    /// list of documents.
    /// </summary>
    private static List<JsonElement> Documents(string file, string text)
    {
        var documents = new List<JsonElement>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            while (reader.Read())
            {
                using var document = JsonDocument.ParseValue(ref reader);
                var root = document.RootElement.Clone();
                documents.AddRange(root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : [root]);
            }
        }
        catch (JsonException ex)
        {
            throw new IamExportException(
                $"IAM export {file}: not valid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1} (cut short or corrupt?): {OneLine(ex.Message)}", ex);
        }

        return documents;
    }

    private static T Wrap<T>(string file, string? where, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (FormatException ex)
        {
            throw new IamExportException($"IAM export {file}{(where is null ? string.Empty : $" ({where})")}: {OneLine(ex.Message)}.", ex);
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").TrimEnd('.');
}
