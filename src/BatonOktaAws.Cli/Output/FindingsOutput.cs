using BatonOktaAws.Core.Review.Report;
using System.Globalization;
using BatonOktaAws.Core.Review.Findings;

namespace BatonOktaAws.Cli.Output;

/// <summary>
/// Findings as a table (worst first, with counts per severity), a JSON array of <c>{code, severity, userId, login,
/// appId, appLabel, accountId, role, groupId, groupName, explanation}</c>, or CSV with the same columns.
/// </summary>
internal static class FindingsOutput
{
    public static readonly string[] Formats = ["table", "json", "csv"];

    public static void Write(TextWriter output, IReadOnlyList<Finding> findings, string format)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(findings);
        switch (format)
        {
            case "json":
                output.WriteLine(JsonText.Of(
                    json =>
                    {
                        json.WriteStartArray();
                        foreach (var f in findings)
                        {
                            json.WriteStartObject();
                            json.WriteString("code", f.Code);
                            json.WriteString("severity", f.Severity.Name());
                            json.WriteString("userId", f.UserId);
                            json.WriteString("login", f.Login);
                            json.WriteString("appId", f.AppId);
                            json.WriteString("appLabel", f.AppLabel);
                            json.WriteString("accountId", f.AccountId);
                            json.WriteString("role", f.Role);
                            json.WriteString("groupId", f.GroupId);
                            json.WriteString("groupName", f.GroupName);
                            json.WriteString("explanation", f.Explanation);
                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                    },
                    indented: true));
                break;
            case "csv":
                output.WriteLine("severity,code,userId,login,appId,appLabel,accountId,role,groupId,groupName,explanation");
                foreach (var f in findings)
                {
                    output.WriteLine(Csv.Line([f.Severity.Name(), f.Code, f.UserId, f.Login, f.AppId, f.AppLabel, f.AccountId, f.Role, f.GroupId, f.GroupName, f.Explanation]));
                }

                break;
            default:
                if (findings.Count == 0)
                {
                    output.WriteLine("No findings.");
                    return;
                }

                TextTable.Write(
                    output,
                    ["SEVERITY", "CODE", "CONCERNS", "EXPLANATION"],
                    [.. findings.Select(f => (IReadOnlyList<string>)[f.Severity.Name(), f.Code, Concerns(f), f.Explanation])]);
                var counts = Enum.GetValues<FindingSeverity>().Reverse()
                    .Select(s => (Severity: s, Count: findings.Count(f => f.Severity == s)))
                    .Where(c => c.Count > 0)
                    .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Count} {c.Severity.Name()}"));
                output.WriteLine($"{findings.Count} finding{(findings.Count == 1 ? string.Empty : "s")}: {string.Join(", ", counts)}.");
                break;
        }
    }

    /// <summary>What a finding is about, shortest first: the user, else the group, else the role or the app.</summary>
    private static string Concerns(Finding f) =>
        f.Login ?? f.UserId ?? (f.GroupName is { } group ? $"group {group}" : null) ?? (f.Role is { } role ? $"role {role}{(f.AccountId is { } account ? $" in {account}" : string.Empty)}" : null) ?? f.AppLabel ?? f.AppId ?? f.AccountId ?? "-";
}
