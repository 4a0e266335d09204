using BatonOktaAws.Core.Review.Report;
using BatonOktaAws.Core.Review.Admin;

namespace BatonOktaAws.Cli.Output;

/// <summary>
/// Who can change AWS access: a table per app (people), one JSON object <c>{reviewed, notReviewed, paths, gaps}</c>
/// (scripts; <c>reviewed</c> false means the paths are unknown, not absent), or CSV of the paths with the same fields.
/// </summary>
internal static class AdminsOutput
{
    public static readonly string[] Formats = ["table", "json", "csv"];

    public static void Write(TextWriter output, AdminAccessReview review, string format)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(review);
        switch (format)
        {
            case "json":
                WriteJson(output, review);
                break;
            case "csv":
                output.WriteLine("appId,appLabel,accountId,role,capability,groupId,groupName,userId,login,status,oktaRoleType,oktaRoleId,oktaRole,heldVia,reason");
                foreach (var p in review.Paths)
                {
                    output.WriteLine(Csv.Line([p.AppId, p.AppLabel, p.AccountId, p.Role, p.Capability.Name(), p.GroupId, p.GroupName, p.UserId, p.Login, p.UserStatus, p.Held.RoleType, p.Held.RoleId, p.Held.Label, p.Held.Source, p.Reason]));
                }

                break;
            default:
                WriteTable(output, review);
                break;
        }
    }

    /// <summary>The Okta role as people name it: a standard role by type, a custom role by its label.</summary>
    public static string RoleName(HeldAdminRole held) => held.IsCustom ? $"custom '{held.Label}'" : held.RoleType;

    private static void WriteTable(TextWriter output, AdminAccessReview review)
    {
        if (!review.Reviewed)
        {
            output.WriteLine($"Admin roles were NOT reviewed in this sync, so who can change AWS access is unknown: {review.NotReviewedReason}");
        }

        if (review.Paths.Count == 0)
        {
            output.WriteLine(review.Reviewed ? "No Okta admin role can change who may assume these AWS roles." : "No admin role paths were read.");
        }
        else
        {
            var cells = review.Paths.Select(p => (IReadOnlyList<string>)
            [
                p.AppLabel ?? p.AppId,
                p.AccountId ?? "(from group names)",
                p.Role ?? "(any)",
                p.Capability == AdminCapability.AppAssignments ? "app assignments" : $"membership of '{p.GroupName ?? p.GroupId}'",
                p.Login ?? p.UserId,
                p.UserStatus ?? "?",
                RoleName(p.Held),
                p.Held.How,
            ]).ToList();
            TextTable.Write(output, ["APP", "ACCOUNT", "ROLE", "CAN CHANGE", "LOGIN", "STATUS", "OKTA ROLE", "HELD"], cells);
            var people = review.Paths.Select(p => p.UserId).Distinct(StringComparer.Ordinal).Count();
            output.WriteLine($"{review.Paths.Count} path{(review.Paths.Count == 1 ? string.Empty : "s")}, {people} person(s); why each applies: --output json (reason)");
        }

        foreach (var gap in review.Gaps)
        {
            output.WriteLine($"Note: {gap.Explanation}");
        }
    }

    private static void WriteJson(TextWriter output, AdminAccessReview review) =>
        output.WriteLine(JsonText.Of(
            json =>
            {
                json.WriteStartObject();
                json.WriteBoolean("reviewed", review.Reviewed);
                json.WriteString("notReviewed", review.NotReviewedReason);
                json.WriteStartArray("paths");
                foreach (var p in review.Paths)
                {
                    json.WriteStartObject();
                    json.WriteString("appId", p.AppId);
                    json.WriteString("appLabel", p.AppLabel);
                    json.WriteString("accountId", p.AccountId);
                    json.WriteString("role", p.Role);
                    json.WriteString("capability", p.Capability.Name());
                    json.WriteString("groupId", p.GroupId);
                    json.WriteString("groupName", p.GroupName);
                    json.WriteString("userId", p.UserId);
                    json.WriteString("login", p.Login);
                    json.WriteString("status", p.UserStatus);
                    json.WriteString("oktaRoleType", p.Held.RoleType);
                    json.WriteString("oktaRoleId", p.Held.RoleId);
                    json.WriteString("oktaRole", p.Held.Label);
                    json.WriteString("heldVia", p.Held.Source);
                    json.WriteString("heldViaGroupName", p.Held.ViaGroupName);
                    json.WriteString("reason", p.Reason);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("gaps");
                foreach (var gap in review.Gaps)
                {
                    json.WriteStartObject();
                    json.WriteString("kind", gap.Kind);
                    json.WriteString("explanation", gap.Explanation);
                    json.WriteString("roleId", gap.RoleId);
                    json.WriteString("groupId", gap.GroupId);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            },
            indented: true));
}
