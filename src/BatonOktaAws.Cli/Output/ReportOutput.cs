using System.Globalization;
using BatonOktaAws.Core.Review.Report;

namespace BatonOktaAws.Cli.Output;

/// <summary>What <c>report</c> says it wrote.</summary>
internal static class ReportOutput
{
    public static void Written(TextWriter output, IReadOnlyList<string> files, ReviewReportData data, string format)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(data);
        var what = format == "csv" ? "review sheet" : files.Count > 1 ? "review (index and one file per account)" : "review";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote the {what} of sync {data.Sync.Run.Id}: {data.Rows.Count} access rows, {data.Findings.Count} findings{(data.PreviousSource is { } p ? $", compared with {p}" : string.Empty)}."));
        foreach (var file in files)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {file} ({Size(new FileInfo(file).Length)})"));
        }

        if (format == "csv")
        {
            output.WriteLine("Fill in the decision column with keep or revoke, then: baton-okta-aws revoke --from-file <sheet> --dry-run");
        }
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
    };
}
