using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OktaSimulator.Model;

namespace OktaSimulator.Tests;

/// <summary>
/// A SHA-256 over everything a generated org serves — users, groups and members, apps with their settings,
/// role lists and assignments — so a test can pin a preset to the org the benchmarks were measured against.
/// </summary>
internal static class OrgFingerprint
{
    /// <summary>Settings keys left out: the fake AWS API credentials were added to generated apps later.</summary>
    private static readonly string[] IgnoredSettings = ["accessKey", "secretKey", "secretKeyEnc"];

    public static string Of(OrgState state, IEnumerable<string>? appIds = null)
    {
        var text = new StringBuilder();
        foreach (var id in state.SortedUserIds)
        {
            var u = state.Users[id];
            text.Append("U|").Append(u.Id).Append('|').Append(u.Login).Append('|').Append(u.Email).Append('|').Append(u.SecondEmail)
                .Append('|').Append(u.FirstName).Append('|').Append(u.LastName).Append('|').Append(u.Status).Append('\n');
        }

        foreach (var id in state.SortedGroupIds)
        {
            var g = state.Groups[id];
            text.Append("G|").Append(g.Id).Append('|').Append(g.Name).Append('|').Append(g.Description).Append('|').Append(g.Type)
                .Append('|').AppendJoin(',', g.Members).Append('\n');
        }

        foreach (var id in appIds ?? state.SortedAppIds)
        {
            var a = state.Apps[id];
            var settings = (JsonObject?)a.SettingsApp?.DeepClone();
            foreach (var key in IgnoredSettings)
            {
                settings?.Remove(key);
            }

            text.Append("A|").Append(a.Id).Append('|').Append(a.Name).Append('|').Append(a.Label).Append('|').Append(a.Status)
                .Append('|').Append(settings?.ToJsonString()).Append('|').Append(a.SamlRolesUnion)
                .Append('|').AppendJoin(',', a.RoleList.SamlIamRoles).Append('|').AppendJoin(',', a.RoleList.IamRoles).Append('\n');
            foreach (var d in a.DirectAssignments.Values)
            {
                text.Append("D|").Append(d.UserId).Append('|').Append(d.Profile.ToJsonString()).Append('\n');
            }

            foreach (var g in a.GroupAssignments.Values)
            {
                text.Append("P|").Append(g.GroupId).Append('|').Append(g.Priority).Append('|').Append(g.Profile.ToJsonString()).Append('\n');
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
