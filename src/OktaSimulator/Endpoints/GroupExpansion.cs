using Microsoft.AspNetCore.Http;
using OktaSimulator.Json;
using OktaSimulator.Model;

namespace OktaSimulator.Endpoints;

/// <summary>
/// listGroups <c>expand</c>: "Possible values are stats and app", listed in <c>_embedded</c>
/// (management-minimal.yaml, GET /api/v1/groups). Both may be asked for at once.
/// </summary>
internal sealed record GroupExpansion(bool Stats, bool App)
{
    public static GroupExpansion From(HttpContext context) =>
        new(EndpointSupport.Expands(context, "stats"), EndpointSupport.Expands(context, "app"));

    /// <summary>What to embed for one group; call under the org lock. <c>app</c> embeds nothing for a group with no source app.</summary>
    public GroupEmbeds? EmbedsFor(OrgState state, SimGroup group)
    {
        if (!Stats && !App)
        {
            return null;
        }

        var stats = Stats
            ? new GroupStats(
                group.Members.Count,
                state.Apps.Values.Count(a => a.GroupAssignments.ContainsKey(group.Id)),
                GroupPushMappingsCount: 0,
                HasAdminPrivilege: state.AdminRoles.GroupHoldsARole(group.Id))
            : null;
        var source = App && group.SourceAppId is { } sourceId ? state.Apps.GetValueOrDefault(sourceId) : null;
        return new GroupEmbeds(stats, source);
    }
}
