using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OktaSimulator.Http;
using OktaSimulator.Json;
using OktaSimulator.Model;
using static OktaSimulator.Endpoints.EndpointSupport;

namespace OktaSimulator.Endpoints;

/// <summary>
/// <c>/api/v1/iam</c>: users holding roles, custom roles and their permissions, resource sets with their resources,
/// bindings and binding members. These lists page in the body (<c>_links.next.href</c>), not in Link headers.
/// </summary>
internal static class IamEndpoints
{
    public static void Map(WebApplication app, OrgState state, RoleAccess access)
    {
        // listUsersWithRoleAssignments: RoleAssignedUsers { value: [RoleAssignedUser], _links: { next } }.
        app.MapGet("/api/v1/iam/assignees/users", (HttpContext context) =>
        {
            access.Require();
            var page = PageRequest.From(context.Request, PageLimits.IamCounted);
            lock (state.SyncRoot)
            {
                var (ids, hasMore) = Paging.Slice(state.AdminRoles.UsersWithOwnAssignments(), page);
                var next = Paging.NextHref(context, page, ids.LastOrDefault(), hasMore);
                var baseUrl = BaseUrl(context);
                return Locked(state, w => Envelope(w, "value", ids, (w, id) => AdminRoleJsonWriter.WriteRoleAssignedUser(w, id, state.Org.Id, baseUrl), next));
            }
        });

        // listRoles: IamRoles { roles: [IamRole], _links: { next } } — custom roles only.
        app.MapGet("/api/v1/iam/roles", (HttpContext context) =>
        {
            access.Require();
            var page = PageRequest.From(context.Request, PageLimits.IamFixed);
            lock (state.SyncRoot)
            {
                var (ids, hasMore) = Paging.Slice(state.AdminRoles.SortedCustomRoleIds, page);
                var next = Paging.NextHref(context, page, ids.LastOrDefault(), hasMore);
                var baseUrl = BaseUrl(context);
                return Locked(state, w => Envelope(w, "roles", ids, (w, id) => AdminRoleJsonWriter.WriteCustomRole(w, state.AdminRoles.CustomRoles[id], baseUrl), next));
            }
        });

        app.MapGet("/api/v1/iam/roles/{roleIdOrLabel}", (HttpContext context, string roleIdOrLabel) =>
        {
            access.Require();
            return Locked(state, w => AdminRoleJsonWriter.WriteCustomRole(w, state.AdminRoles.RequireCustomRole(roleIdOrLabel), BaseUrl(context)));
        });

        // listRolePermissions: Permissions { permissions: [Permission] }, not paged.
        app.MapGet("/api/v1/iam/roles/{roleIdOrLabel}/permissions", (HttpContext context, string roleIdOrLabel) =>
        {
            access.Require();
            return Locked(state, w =>
            {
                var role = state.AdminRoles.RequireCustomRole(roleIdOrLabel);
                var baseUrl = BaseUrl(context);
                w.WriteStartObject();
                w.WriteStartArray("permissions");
                foreach (var permission in role.Permissions)
                {
                    AdminRoleJsonWriter.WritePermission(w, role, permission, baseUrl);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
        });

        app.MapGet("/api/v1/iam/roles/{roleIdOrLabel}/permissions/{permissionType}", (HttpContext context, string roleIdOrLabel, string permissionType) =>
        {
            access.Require();
            return Locked(state, w =>
            {
                var role = state.AdminRoles.RequireCustomRole(roleIdOrLabel);
                if (!role.Permissions.Contains(permissionType, StringComparer.Ordinal))
                {
                    throw new OktaErrorException(OktaError.NotFound(permissionType, "Permission"));
                }

                AdminRoleJsonWriter.WritePermission(w, role, permissionType, BaseUrl(context));
            });
        });

        MapResourceSets(app, state, access);
    }

    private static void MapResourceSets(WebApplication app, OrgState state, RoleAccess access)
    {
        // listResourceSets: ResourceSets { resource-sets: [ResourceSet], _links: { next } }.
        app.MapGet("/api/v1/iam/resource-sets", (HttpContext context) =>
        {
            access.Require();
            var page = PageRequest.From(context.Request, PageLimits.IamFixed);
            lock (state.SyncRoot)
            {
                var (ids, hasMore) = Paging.Slice(state.AdminRoles.SortedResourceSetIds, page);
                var next = Paging.NextHref(context, page, ids.LastOrDefault(), hasMore);
                var baseUrl = BaseUrl(context);
                return Locked(state, w => Envelope(w, "resource-sets", ids, (w, id) => AdminRoleJsonWriter.WriteResourceSet(w, state.AdminRoles.ResourceSets[id], baseUrl), next));
            }
        });

        app.MapGet("/api/v1/iam/resource-sets/{resourceSetIdOrLabel}", (HttpContext context, string resourceSetIdOrLabel) =>
        {
            access.Require();
            return Locked(state, w => AdminRoleJsonWriter.WriteResourceSet(w, state.AdminRoles.RequireResourceSet(resourceSetIdOrLabel), BaseUrl(context)));
        });

        // listResourceSetResources: ResourceSetResources { resources: [ResourceSetResource], _links: { next, resource-set } }.
        app.MapGet("/api/v1/iam/resource-sets/{resourceSetIdOrLabel}/resources", (HttpContext context, string resourceSetIdOrLabel) =>
        {
            access.Require();
            var page = PageRequest.From(context.Request, PageLimits.IamCounted);
            lock (state.SyncRoot)
            {
                var set = state.AdminRoles.RequireResourceSet(resourceSetIdOrLabel);
                var (items, hasMore) = Paging.Slice(set.Resources.OrderBy(r => r.Id, StringComparer.Ordinal), r => r.Id, page);
                var next = Paging.NextHref(context, page, items.LastOrDefault()?.Id, hasMore);
                var baseUrl = BaseUrl(context);
                return Locked(state, w => Envelope(
                    w, "resources", items, (w, r) => AdminRoleJsonWriter.WriteResource(w, set, r, state.Org.Id, baseUrl), next,
                    ("resource-set", $"{baseUrl}/api/v1/iam/resource-sets/{set.Id}")));
            }
        });

        // listBindings: ResourceSetBindings { roles: [ResourceSetBindingRole], _links: { self, next, resource-set } }.
        app.MapGet("/api/v1/iam/resource-sets/{resourceSetIdOrLabel}/bindings", (HttpContext context, string resourceSetIdOrLabel) =>
        {
            access.Require();
            var page = PageRequest.From(context.Request, PageLimits.IamFixed);
            lock (state.SyncRoot)
            {
                var set = state.AdminRoles.RequireResourceSet(resourceSetIdOrLabel);
                var (roleIds, hasMore) = Paging.Slice(set.Bindings.Keys.ToList(), page);
                var next = Paging.NextHref(context, page, roleIds.LastOrDefault(), hasMore);
                var baseUrl = BaseUrl(context);
                return Locked(state, w => Envelope(
                    w, "roles", roleIds, (w, roleId) => AdminRoleJsonWriter.WriteBindingRole(w, set, roleId, baseUrl), next,
                    ("self", $"{baseUrl}/api/v1/iam/resource-sets/{set.Id}/bindings"),
                    ("resource-set", $"{baseUrl}/api/v1/iam/resource-sets/{set.Id}")));
            }
        });

        app.MapGet("/api/v1/iam/resource-sets/{resourceSetIdOrLabel}/bindings/{roleIdOrLabel}", (HttpContext context, string resourceSetIdOrLabel, string roleIdOrLabel) =>
        {
            access.Require();
            lock (state.SyncRoot)
            {
                var (set, role) = RequireBinding(state, resourceSetIdOrLabel, roleIdOrLabel);
                return Locked(state, w => AdminRoleJsonWriter.WriteBinding(w, set, role.Id, BaseUrl(context)));
            }
        });

        // listMembersOfBinding: ResourceSetBindingMembers { members: [ResourceSetBindingMember], _links: { self, next, binding } }.
        app.MapGet("/api/v1/iam/resource-sets/{resourceSetIdOrLabel}/bindings/{roleIdOrLabel}/members", (HttpContext context, string resourceSetIdOrLabel, string roleIdOrLabel) =>
        {
            access.Require();
            var page = PageRequest.From(context.Request, PageLimits.IamFixed);
            lock (state.SyncRoot)
            {
                var (set, role) = RequireBinding(state, resourceSetIdOrLabel, roleIdOrLabel);
                var (members, hasMore) = Paging.Slice(set.Bindings[role.Id].Values, m => m.Id, page);
                var next = Paging.NextHref(context, page, members.LastOrDefault()?.Id, hasMore);
                var baseUrl = BaseUrl(context);
                var bindingHref = $"{baseUrl}/api/v1/iam/resource-sets/{set.Id}/bindings/{role.Id}";
                return Locked(state, w => Envelope(
                    w, "members", members, (w, m) => AdminRoleJsonWriter.WriteBindingMember(w, m, baseUrl), next,
                    ("self", bindingHref + "/members"),
                    ("binding", bindingHref)));
            }
        });
    }

    private static (SimResourceSet Set, SimCustomRole Role) RequireBinding(OrgState state, string resourceSetIdOrLabel, string roleIdOrLabel)
    {
        var set = state.AdminRoles.RequireResourceSet(resourceSetIdOrLabel);
        var role = state.AdminRoles.FindCustomRole(roleIdOrLabel);
        return role is not null && set.Bindings.ContainsKey(role.Id)
            ? (set, role)
            : throw new OktaErrorException(OktaError.NotFound(roleIdOrLabel, "ResourceSetBinding"));
    }

    /// <summary><c>{ "&lt;name&gt;": [...], "_links": { ..., next } }</c>; <c>next</c> only while more pages remain.</summary>
    private static void Envelope<T>(
        Utf8JsonWriter w,
        string name,
        IEnumerable<T> items,
        Action<Utf8JsonWriter, T> writeItem,
        string? next,
        params (string Rel, string Href)[] links)
    {
        w.WriteStartObject();
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            writeItem(w, item);
        }

        w.WriteEndArray();
        w.WriteStartObject("_links");
        foreach (var (rel, href) in links)
        {
            AdminRoleJsonWriter.Href(w, rel, href);
        }

        if (next is not null)
        {
            AdminRoleJsonWriter.Href(w, "next", next);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }
}
