using System.Globalization;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Cli.Output;

/// <summary>The syncs of a file as an aligned table, or a JSON array of <c>{syncId, startedAt, finishedAt, oktaDomain, appSelection, apps, counts...}</c>.</summary>
internal static class SyncsOutput
{
    public static readonly string[] Formats = ["table", "json"];

    public static void Write(TextWriter output, string path, IReadOnlyList<(SyncRunSummary Run, IReadOnlyList<AwsAppRecord> Apps)> syncs, string format)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(syncs);
        if (format == "json")
        {
            output.WriteLine(JsonText.Of(
                json =>
                {
                    json.WriteStartArray();
                    foreach (var (run, apps) in syncs)
                    {
                        json.WriteStartObject();
                        json.WriteNumber("syncId", run.Id);
                        json.WriteString("startedAt", run.StartedAt);
                        if (run.FinishedAt is { } finished)
                        {
                            json.WriteString("finishedAt", finished);
                        }

                        json.WriteString("oktaDomain", run.OktaDomain);
                        json.WriteString("appSelection", run.AppSelection);
                        json.WriteStartArray("apps");
                        foreach (var app in apps)
                        {
                            json.WriteStartObject();
                            json.WriteString("appId", app.AppId);
                            json.WriteString("appLabel", app.Label);
                            json.WriteString("mode", app.Mode);
                            json.WriteString("accountId", app.AccountId);
                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                        json.WriteNumber("users", run.Counts.Users);
                        json.WriteNumber("groups", run.Counts.Groups);
                        json.WriteNumber("accounts", run.Counts.Accounts);
                        json.WriteNumber("accessRows", run.Counts.AccessRows);
                        json.WriteNumber("warnings", run.Counts.Warnings);
                        json.WriteNumber("requests", run.Requests);
                        json.WriteString("toolVersion", run.ToolVersion);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                },
                indented: true));
            return;
        }

        output.WriteLine($"{syncs.Count} sync{(syncs.Count == 1 ? string.Empty : "s")} in {path} (newest first):");
        var rows = syncs.Select(s => new[]
        {
            s.Run.Id.ToString(CultureInfo.InvariantCulture),
            s.Run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            s.Run.FinishedAt is { } f ? $"{(f - s.Run.StartedAt).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s" : "-",
            s.Apps.Count.ToString(CultureInfo.InvariantCulture),
            s.Run.Counts.Accounts.ToString(CultureInfo.InvariantCulture),
            s.Run.Counts.Users.ToString(CultureInfo.InvariantCulture),
            s.Run.Counts.AccessRows.ToString(CultureInfo.InvariantCulture),
            s.Run.Counts.Warnings.ToString(CultureInfo.InvariantCulture),
            s.Run.OktaDomain,
        }).ToList();
        TextTable.Write(output, ["SYNC", "STARTED", "TOOK", "APPS", "ACCOUNTS", "USERS", "ACCESS ROWS", "WARNINGS", "OKTA"], rows);
    }
}
