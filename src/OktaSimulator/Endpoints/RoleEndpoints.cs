using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OktaSimulator.Http;
using OktaSimulator.Json;
using OktaSimulator.Model;
using static OktaSimulator.Endpoints.EndpointSupport;

namespace OktaSimulator.Endpoints;

/// <summary>
/// Role assignments of users and groups and their targets: <c>/api/v1/users/{userId}/roles</c>,
/// <c>/api/v1/groups/{groupId}/roles</c>, <c>.../{roleAssignmentId}</c>, <c>.../targets/groups</c> and
/// <c>.../targets/catalog/apps</c> (management-minimal.yaml, RoleAssignmentAUser, RoleAssignmentBGroup, RoleBTargetAdmin,
/// RoleBTargetBGroup).
/// </summary>
internal static class RoleEndpoints
{
    public static void Map(WebApplication app, OrgState state, RoleAccess access)
    {
        // listAssignedRolesForUser: a user's own roles and, with assignmentType GROUP and the group as
        // _links.assignee, those of the groups they are in (the contract's StandardAndCustomRolesListResponse).
        app.MapGet("/api/v1/users/{userId}/roles", (HttpContext context, string userId) =>
        {
            access.Require();
            var user = state.RequireUser(userId);
            var expand = TargetExpansion(context);
            return Locked(state, w => WriteList(w, state.AdminRoles.OfUser(state, user.Id), state, BaseUrl(context), expand));
        });

        app.MapGet("/api/v1/users/{userId}/roles/{roleAssignmentId}", (HttpContext context, string userId, string roleAssignmentId) =>
        {
            access.Require();
            var assignment = UserAssignment(state, userId, roleAssignmentId);
            var expand = TargetExpansion(context);
            return Locked(state, w => AdminRoleJsonWriter.WriteRoleAssignment(w, assignment, state, BaseUrl(context), expand));
        });

        app.MapGet("/api/v1/users/{userId}/roles/{roleAssignmentId}/targets/groups", (HttpContext context, string userId, string roleAssignmentId) =>
        {
            access.Require();
            return GroupTargets(context, state, UserAssignment(state, userId, roleAssignmentId));
        });

        app.MapGet("/api/v1/users/{userId}/roles/{roleAssignmentId}/targets/catalog/apps", (HttpContext context, string userId, string roleAssignmentId) =>
        {
            access.Require();
            return AppTargets(context, state, UserAssignment(state, userId, roleAssignmentId));
        });

        app.MapGet("/api/v1/groups/{groupId}/roles", (HttpContext context, string groupId) =>
        {
            access.Require();
            var group = state.RequireGroup(groupId);
            var expand = TargetExpansion(context);
            return Locked(state, w => WriteList(w, state.AdminRoles.HeldBy(RoleAssignee.ForGroup(group.Id)), state, BaseUrl(context), expand));
        });

        app.MapGet("/api/v1/groups/{groupId}/roles/{roleAssignmentId}", (HttpContext context, string groupId, string roleAssignmentId) =>
        {
            access.Require();
            var assignment = GroupAssignment(state, groupId, roleAssignmentId);
            var expand = TargetExpansion(context);
            return Locked(state, w => AdminRoleJsonWriter.WriteRoleAssignment(w, assignment, state, BaseUrl(context), expand));
        });

        app.MapGet("/api/v1/groups/{groupId}/roles/{roleAssignmentId}/targets/groups", (HttpContext context, string groupId, string roleAssignmentId) =>
        {
            access.Require();
            return GroupTargets(context, state, GroupAssignment(state, groupId, roleAssignmentId));
        });

        app.MapGet("/api/v1/groups/{groupId}/roles/{roleAssignmentId}/targets/catalog/apps", (HttpContext context, string groupId, string roleAssignmentId) =>
        {
            access.Require();
            return AppTargets(context, state, GroupAssignment(state, groupId, roleAssignmentId));
        });
    }

    /// <summary>pathQueryRoleExpand: "Supported values: targets/groups or targets/catalog/apps".</summary>
    private static AdminRoleJsonWriter.TargetExpansion TargetExpansion(HttpContext context) =>
        new(Expands(context, "targets/groups"), Expands(context, "targets/catalog/apps"));

    private static void WriteList(Utf8JsonWriter w, List<EffectiveRoleAssignment> assignments, OrgState state, string baseUrl, AdminRoleJsonWriter.TargetExpansion expand)
    {
        w.WriteStartArray();
        foreach (var assignment in assignments)
        {
            AdminRoleJsonWriter.WriteRoleAssignment(w, assignment, state, baseUrl, expand);
        }

        w.WriteEndArray();
    }

    /// <summary>A role assignment the user holds, directly or through a group (the simulator answers both here).</summary>
    private static EffectiveRoleAssignment UserAssignment(OrgState state, string userId, string roleAssignmentId)
    {
        lock (state.SyncRoot)
        {
            var user = state.RequireUser(userId);
            return state.AdminRoles.OfUser(state, user.Id).FirstOrDefault(a => a.Id == roleAssignmentId)
                ?? throw new OktaErrorException(OktaError.NotFound(roleAssignmentId, "RoleAssignment"));
        }
    }

    private static EffectiveRoleAssignment GroupAssignment(OrgState state, string groupId, string roleAssignmentId)
    {
        lock (state.SyncRoot)
        {
            var group = state.RequireGroup(groupId);
            return state.AdminRoles.HeldBy(RoleAssignee.ForGroup(group.Id)).FirstOrDefault(a => a.Id == roleAssignmentId)
                ?? throw new OktaErrorException(OktaError.NotFound(roleAssignmentId, "RoleAssignment"));
        }
    }

    /// <summary>
    /// Group targets, paged by group id. A role that takes no group targets (or a custom role) answers [] like a
    /// role scoped to all groups — Okta documents only the roles that take them.
    /// </summary>
    private static JsonResponse GroupTargets(HttpContext context, OrgState state, EffectiveRoleAssignment assignment)
    {
        var page = PageRequest.From(context.Request, PageLimits.RoleTargets);
        lock (state.SyncRoot)
        {
            var targets = (assignment.Standard?.GroupTargets ?? []).Order(StringComparer.Ordinal).ToList();
            var (ids, hasMore) = Paging.Slice(targets, page);
            Paging.SetLinks(context, page, ids.LastOrDefault(), hasMore);
            var baseUrl = BaseUrl(context);
            return Array(state, ids, (w, id) => OktaJsonWriter.WriteGroup(w, state.Groups[id], baseUrl));
        }
    }

    private static JsonResponse AppTargets(HttpContext context, OrgState state, EffectiveRoleAssignment assignment)
    {
        var page = PageRequest.From(context.Request, PageLimits.RoleTargets);
        lock (state.SyncRoot)
        {
            var targets = (assignment.Standard?.AppTargets ?? []).OrderBy(t => t.Key, StringComparer.Ordinal);
            var (items, hasMore) = Paging.Slice(targets, t => t.Key, page);
            Paging.SetLinks(context, page, items.LastOrDefault()?.Key, hasMore);
            var baseUrl = BaseUrl(context);
            return Array(state, items, (w, t) => AdminRoleJsonWriter.WriteCatalogApp(w, t, state, baseUrl));
        }
    }
}
