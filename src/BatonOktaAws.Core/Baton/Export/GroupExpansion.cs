using BatonOktaAws.Store.C1z;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Baton.Export;

/// <summary>
/// Decides which of a group's role grants (<c>account:A:R:group:G</c>) Baton may treat as reaching every member
/// (<c>GrantExpandable</c> over <c>group:G:member</c>). That is only so where membership alone gives the role:
/// <list type="bullet">
/// <item>the app is single-account with <c>joinAllRoles</c> on or the samlRoles union enabled — under group
/// priority only the winning group counts, and under group mapping members must also be assigned to the app;</item>
/// <item>and every member of G the sync read does hold the role through G in that app — which fails, for instance,
/// under the union alone when a member is assigned directly (their direct assignment wins), or when a member is
/// not an app user at all.</item>
/// </list>
/// Either way every user's grant is written explicitly with its sources, so nothing depends on the expansion.
/// </summary>
internal sealed class GroupExpansion
{
    private readonly ExportContext _context;

    /// <summary>For each (app, role entitlement, group): how many users hold the role through that group in that app.</summary>
    private readonly Dictionary<(string AppId, string EntitlementId, string GroupId), int> _holdersThroughGroup = [];

    public GroupExpansion(ExportContext context)
    {
        _context = context;
        foreach (var grant in context.Grants(Baton.ResourceType.Account).Where(g => g.Grant.PrincipalType == Baton.ResourceType.User))
        {
            foreach (var source in grant.Sources)
            {
                if (GrantSource.Parse(source.Source).GroupId is { } groupId)
                {
                    var key = (source.AppId, grant.Grant.EntitlementId, groupId);
                    _holdersThroughGroup[key] = _holdersThroughGroup.GetValueOrDefault(key) + 1;
                }
            }
        }
    }

    /// <summary>The expansion for a group's role grant, or null when some member would be over-granted.</summary>
    public BatonGrantExpandable? For(SyncGrant groupGrant)
    {
        var grant = groupGrant.Grant;
        var groupId = grant.PrincipalId;
        var members = _context.Memberships.MembersOf(groupId).Count;
        foreach (var source in groupGrant.Sources)
        {
            if (_context.Apps.TryGetValue(source.AppId, out var app)
                && JoinsGroupRoles(app)
                && _holdersThroughGroup.GetValueOrDefault((source.AppId, grant.EntitlementId, groupId)) == members)
            {
                return new BatonGrantExpandable([EntitlementId.GroupMember(groupId).ToString()]);
            }
        }

        return null;
    }

    /// <summary>Whether the app gives its group-scoped users the roles of every assigned group they are in, not only the winning one's (docs/aws-access.md).</summary>
    internal static bool JoinsGroupRoles(AwsAppRecord app) =>
        !app.UseGroupMapping && (app.JoinAllRoles || app.SamlRolesUnion);
}
