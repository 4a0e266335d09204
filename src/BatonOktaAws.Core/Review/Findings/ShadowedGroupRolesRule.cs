using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Review.Findings;

/// <summary>
/// <c>shadowed-group-roles</c>: under priority semantics (no joinAllRoles, no samlRoles union) a user in several
/// assigned groups gets only the winning group's roles, and a directly assigned user gets none of their groups'
/// roles. People believe group membership gives them access it does not — and the day the winner is removed, the
/// shadowed roles apply at once.
/// </summary>
public sealed class ShadowedGroupRolesRule : IFindingRule
{
    public const string Code = "shadowed-group-roles";

    public IReadOnlyList<string> Codes => [Code];

    public IEnumerable<Finding> Find(ReviewSnapshot sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        foreach (var app in sync.Apps.Values.Where(a => !a.UseGroupMapping && !a.JoinAllRoles))
        {
            var groups = sync.AppGroups.Where(g => g.AppId == app.AppId).Select(Assigned).ToList();
            foreach (var appUser in sync.AppUsers.Where(u => u.AppId == app.AppId))
            {
                var mine = groups.Where(g => sync.Members(g.GroupId).Contains(appUser.UserId)).ToList();
                var direct = appUser.Scope == OktaAppUser.UserScope;
                if (mine.Count == 0 || (!direct && (mine.Count < 2 || app.SamlRolesUnion)))
                {
                    continue;
                }

                var winner = direct ? null : AwsAccessRules.Winner(mine);
                var applied = direct ? AssignmentRoles.FromProfile(appUser.SamlRoles, appUser.Role).Effective : winner!.Roles.Effective;
                foreach (var group in mine.Where(g => g != winner))
                {
                    var lost = group.Roles.Effective.Except(applied).ToList();
                    if (lost.Count == 0)
                    {
                        continue;
                    }

                    var login = sync.Login(appUser.UserId);
                    var why = direct
                        ? "their direct assignment wins over every group (joinAllRoles is off)"
                        : $"'{sync.GroupName(winner!.GroupId)}' (priority {winner.Priority?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}) wins";
                    yield return new Finding(
                        Code,
                        FindingSeverity.Low,
                        $"{login ?? appUser.UserId} is in '{sync.GroupName(group.GroupId)}' but never gets its {string.Join(", ", lost)} in {app.AccountId} through {sync.AppLabel(app.AppId)}: {why}.",
                        appUser.UserId,
                        login,
                        app.AppId,
                        sync.AppLabel(app.AppId),
                        app.AccountId,
                        string.Join(",", lost.Select(r => r.Name)),
                        group.GroupId,
                        sync.GroupName(group.GroupId));
                }
            }
        }
    }

    private static AssignedGroup Assigned(AppGroupRecord group) => new(group.GroupId, group.Priority, AssignmentRoles.FromProfile(group.SamlRoles, group.Role));
}
