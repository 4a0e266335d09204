using System.Globalization;

namespace BatonOktaAws.Core.Review.Report;

/// <summary>
/// The review sheet: one CSV row per access row with what a reviewer needs to decide, an empty <c>decision</c> column
/// for <c>keep</c> or <c>revoke</c>, and the grant whose removal revokes the row — with what else that removal takes
/// away and which shadowed roles it lets apply, so the consequence is on the line the reviewer decides.
/// <c>revoke --from-file</c> reads it back and applies only the rows marked <c>revoke</c>.
/// </summary>
public static class ReviewSheetWriter
{
    /// <summary>The sheet's columns, in order; <c>revoke --from-file</c> recognises a sheet by <c>decision</c> and reads <c>grant</c> and <c>app_id</c>.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "decision", "user_id", "login", "name", "status", "app_id", "app_label", "account_id", "role", "source",
        "source_group", "grant", "also_removes", "then_applies", "findings", "new", "since",
    ];

    public static void Write(TextWriter output, ReviewReportData data)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(data);
        var model = new AccessModel(data.Sync);
        output.WriteLine(string.Join(',', Columns));
        foreach (var row in data.Rows
            .OrderBy(r => r.Access.AccountId, StringComparer.Ordinal)
            .ThenBy(r => r.Access.Role, StringComparer.Ordinal)
            .ThenBy(r => r.Login, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.AppLabel, StringComparer.OrdinalIgnoreCase))
        {
            var access = row.Access;
            var impact = model.Revoke(access);
            var self = new AccessPath(access.AppId, access.AccountId, access.Role, access.Source);
            output.WriteLine(Csv.Line(
            [
                string.Empty,
                access.UserId,
                access.Login,
                row.DisplayName,
                access.UserStatus,
                access.AppId,
                row.AppLabel,
                access.AccountId,
                access.Role,
                access.Source,
                row.SourceGroupSource is { } source ? $"{row.SourceGroupName} (imported from {source}: change the membership there)" : row.SourceGroupName,
                row.Grant,
                Describe(data, impact.Removes.Where(p => p != self)),
                Describe(data, impact.ThenApplies),
                string.Join(' ', row.Findings.Select(f => f.Code).Distinct()),
                row.IsNew ? "yes" : string.Empty,
                row.Age is { } age ? (age.AtLeast ? "≤" : string.Empty) + age.Since.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty,
            ]));
        }
    }

    private static string Describe(ReviewReportData data, IEnumerable<AccessPath> paths) =>
        string.Join("; ", paths
            .OrderBy(p => p.AccountId, StringComparer.Ordinal)
            .ThenBy(p => p.Role, StringComparer.Ordinal)
            .Select(p => $"{p.Role} in {p.AccountId} via {data.Sync.AppLabel(p.AppId)}"));
}
