using System.Text.Json;
using BatonOktaAws.Core.Review.Report;
using BatonOktaAws.Core.Review.Roles;

namespace BatonOktaAws.Cli.Output;

/// <summary>Reachable roles as a table, a JSON array, or CSV.</summary>
internal static class RolesOutput
{
    public static readonly string[] Formats = ["table", "json", "csv"];

    public static void Write(TextWriter output, IReadOnlyList<ReachableRole> roles, bool reviewed, string format)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(roles);
        switch (format)
        {
            case "json":
                output.WriteLine(JsonText.Of(json => WriteJson(json, roles), indented: true));
                break;
            case "csv":
                output.WriteLine("appId,appLabel,accountId,role,status,trust,iamRoleArn,expectedArn,adminEquivalent,adminReasons,attachedPolicies,inlinePolicies,permissionsBoundary,holders,holdersWhoCannotSignIn");
                foreach (var r in roles)
                {
                    output.WriteLine(Csv.Line(
                    [
                        r.AppId, r.AppLabel, r.AccountId, r.Role, r.Status?.Status ?? "unknown", r.Status?.Trust ?? "unknown", r.Status?.IamRoleArn, r.Status?.ExpectedArn,
                        r.Iam is null ? string.Empty : r.IsAdminEquivalent ? "true" : "false", string.Join("; ", r.Iam?.AdminReasons ?? []),
                        string.Join("; ", r.Iam?.AttachedPolicies.Select(p => p.Name) ?? []), string.Join("; ", r.Iam?.InlinePolicies ?? []), r.Iam?.PermissionsBoundary,
                        r.Holders.ToString(System.Globalization.CultureInfo.InvariantCulture), r.HoldersWhoCannotSignIn.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ]));
                }

                break;
            default:
                if (!reviewed)
                {
                    output.WriteLine("No IAM exports are attached to this sync, so the AWS side is not reviewed: sync --aws-iam <exports>, or aws-iam import --file <sync file> <exports>.");
                }

                TextTable.Write(
                    output,
                    ["ACCOUNT", "ROLE", "APP", "IN IAM", "ADMIN", "POLICIES", "HOLDERS"],
                    [.. roles.Select(r => (IReadOnlyList<string>)
                    [
                        r.AccountId,
                        r.Role,
                        r.AppLabel,
                        r.Verdict,
                        r.Iam is null ? "?" : r.IsAdminEquivalent ? "yes" : "no",
                        r.Iam is null ? "-" : string.Join(", ", r.Iam.AttachedPolicies.Select(p => p.Name).Concat(r.Iam.InlinePolicies.Select(p => p + " (inline)"))),
                        r.HoldersWhoCannotSignIn > 0 ? $"{r.Holders} ({r.HoldersWhoCannotSignIn} cannot sign in)" : r.Holders.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ])]);
                break;
        }
    }

    private static void WriteJson(Utf8JsonWriter json, IReadOnlyList<ReachableRole> roles)
    {
        json.WriteStartArray();
        foreach (var r in roles)
        {
            json.WriteStartObject();
            json.WriteString("appId", r.AppId);
            json.WriteString("appLabel", r.AppLabel);
            json.WriteString("accountId", r.AccountId);
            json.WriteString("role", r.Role);
            json.WriteString("status", r.Status?.Status ?? "unknown");
            json.WriteString("trust", r.Status?.Trust ?? "unknown");
            json.WriteString("verdict", r.Verdict);
            json.WriteString("iamRoleArn", r.Status?.IamRoleArn);
            json.WriteString("expectedArn", r.Status?.ExpectedArn);
            if (r.Iam is null)
            {
                json.WriteNull("adminEquivalent");
            }
            else
            {
                json.WriteBoolean("adminEquivalent", r.IsAdminEquivalent);
            }

            Strings(json, "adminReasons", r.Iam?.AdminReasons ?? []);
            Strings(json, "attachedPolicies", r.Iam?.AttachedPolicies.Select(p => p.Arn).ToList() ?? []);
            Strings(json, "inlinePolicies", r.Iam?.InlinePolicies ?? []);
            json.WriteString("permissionsBoundary", r.Iam?.PermissionsBoundary);
            json.WriteNumber("holders", r.Holders);
            json.WriteNumber("holdersWhoCannotSignIn", r.HoldersWhoCannotSignIn);
            Strings(json, "notes", r.Status?.Notes ?? []);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
