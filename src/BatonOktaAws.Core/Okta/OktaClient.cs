using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BatonOktaAws.Core.Okta.Errors;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Core.Okta.Paging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BatonOktaAws.Core.Okta;

/// <summary>
/// The typed Okta Management API client: exactly the reads and writes the connector needs. Lists are read
/// page by page at the <c>limit</c>s of <see cref="OktaPageLimits"/> (group members and groups as the options say),
/// following <c>Link rel="next"</c> for as long as it leads to a page not read yet.
/// </summary>
public sealed class OktaClient : IDisposable
{
    private readonly OktaRequestSender _sender;

    public OktaClient(
        OktaDomain domain,
        OktaApiToken token,
        OktaClientOptions? options = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(token);
        options ??= new OktaClientOptions();
        options.Validate();
        Domain = domain;
        Options = options;
        _sender = new OktaRequestSender(
            domain,
            token,
            options,
            handler ?? CreateHandler(options),
            timeProvider ?? TimeProvider.System,
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<OktaClient>(),
            wait => RateLimitWaiting?.Invoke(wait));
    }

    public OktaDomain Domain { get; }
    public OktaClientOptions Options { get; }

    /// <summary>
    /// Raised once when the requests of a bucket start waiting — the token's share or the org's limit of the
    /// window is spent, or Okta answered 429 — not once per waiting request; raised again only for a new wait.
    /// </summary>
    public event Action<RateLimiting.RateLimitWait>? RateLimitWaiting;

    /// <summary>Requests answered so far (each retry counts).</summary>
    public long RequestCount => _sender.RequestCount;

    /// <summary>Each rate-limit bucket's use of its current window against this token's share, the most used first.</summary>
    public IReadOnlyList<RateLimiting.RateLimitUse> RateLimitUsage() => _sender.RateLimitUsage();

    // ---- Reads: the app and its configuration -------------------------------------------------

    public async Task<OktaApplication> GetApplicationAsync(string appId, CancellationToken cancellationToken)
    {
        var request = Get($"/api/v1/apps/{Id(appId, "App id")}");
        var app = (await _sender.SendAsync(request, OktaJsonContext.Default.OktaApplication, cancellationToken).ConfigureAwait(false)).Value!;
        RequireId(app.Id, request, "the app");
        return app;
    }

    public async Task<OktaAppUserSchema> GetAppUserSchemaAsync(string appId, CancellationToken cancellationToken)
    {
        var request = Get($"/api/v1/meta/schemas/apps/{Id(appId, "App id")}/default");
        return (await _sender.SendAsync(request, OktaJsonContext.Default.OktaAppUserSchema, cancellationToken).ConfigureAwait(false)).Value!;
    }

    /// <summary>The AWS role list, or null when Okta refuses it (403/404): it is an internal, optional endpoint.</summary>
    public async Task<AwsRoleListResponse?> GetAwsRoleListAsync(string appId, CancellationToken cancellationToken)
    {
        var request = Get($"/api/v1/internal/apps/{Id(appId, "App id")}/types") with { ToleratedStatuses = [403, 404] };
        return (await _sender.SendAsync(request, OktaJsonContext.Default.AwsRoleListResponse, cancellationToken).ConfigureAwait(false)).Value;
    }

    // ---- Reads: lists -------------------------------------------------------------------------

    /// <summary>The org's apps, optionally narrowed by a <c>filter</c> expression such as <c>name eq "amazon_aws"</c>.</summary>
    public IAsyncEnumerable<OktaPage<OktaApplication>> ListApplicationsAsync(string? filter, Uri? resumeFrom, CancellationToken cancellationToken) =>
        PagesAsync(
            resumeFrom ?? Url($"/api/v1/apps?limit={OktaPageLimits.Apps}{Query("filter", filter)}"),
            OktaJsonContext.Default.ListOktaApplication,
            (a, r, i) => RequireId(a.Id, r, "app", i),
            cancellationToken);

    /// <summary>The app's users with <c>expand=user</c>, so each comes with the user's profile and status.</summary>
    public IAsyncEnumerable<OktaPage<OktaAppUser>> ListAppUsersAsync(string appId, Uri? resumeFrom, CancellationToken cancellationToken) =>
        PagesAsync(
            resumeFrom ?? Url($"/api/v1/apps/{Id(appId, "App id")}/users?limit={OktaPageLimits.AppUsers}&expand=user"),
            OktaJsonContext.Default.ListOktaAppUser,
            (u, r, i) =>
            {
                RequireId(u.Id, r, "app user", i);
                if (u.Embedded?.User is { } embedded && !OktaId.IsValid(embedded.Id))
                {
                    RequireId(embedded.Id, r, $"the user embedded in app user {u.Id}");
                }
            },
            cancellationToken);

    /// <summary>The app's group assignments with <c>expand=group</c>, so each comes with the group's name and type.</summary>
    public IAsyncEnumerable<OktaPage<OktaAppGroupAssignment>> ListAppGroupAssignmentsAsync(string appId, Uri? resumeFrom, CancellationToken cancellationToken) =>
        PagesAsync(
            resumeFrom ?? Url($"/api/v1/apps/{Id(appId, "App id")}/groups?limit={OktaPageLimits.AppGroups}&expand=group"),
            OktaJsonContext.Default.ListOktaAppGroupAssignment,
            (g, r, i) => RequireId(g.Id, r, "group assignment", i),
            cancellationToken);

    public IAsyncEnumerable<OktaPage<OktaUser>> ListGroupMembersAsync(string groupId, Uri? resumeFrom, CancellationToken cancellationToken) =>
        PagesAsync(
            resumeFrom ?? Url($"/api/v1/groups/{Id(groupId, "Group id")}/users?limit={Options.GroupMembersPageSize}"),
            OktaJsonContext.Default.ListOktaUser,
            (u, r, i) => RequireId(u.Id, r, "member", i),
            cancellationToken);

    /// <summary>
    /// Groups, optionally narrowed by an Okta <c>search</c> expression (e.g. <c>profile.name sw "aws_"</c>), with
    /// <c>expand</c> (e.g. <c>app</c>, which embeds an APP_GROUP's source app) when given.
    /// </summary>
    public IAsyncEnumerable<OktaPage<OktaGroup>> ListGroupsAsync(string? search, string? expand, Uri? resumeFrom, CancellationToken cancellationToken) =>
        PagesAsync(
            resumeFrom ?? Url($"/api/v1/groups?limit={Options.GroupsPageSize}{Query("search", search)}{Query("expand", expand)}"),
            OktaJsonContext.Default.ListOktaGroup,
            (g, r, i) => RequireId(g.Id, r, "group", i),
            cancellationToken);

    /// <summary>Users, optionally narrowed by a <c>search</c> expression (a plain list leaves out DEPROVISIONED users).</summary>
    public IAsyncEnumerable<OktaPage<OktaUser>> ListUsersAsync(string? search, Uri? resumeFrom, CancellationToken cancellationToken) =>
        PagesAsync(
            resumeFrom ?? Url($"/api/v1/users?limit={OktaPageLimits.Users}{Query("search", search)}"),
            OktaJsonContext.Default.ListOktaUser,
            (u, r, i) => RequireId(u.Id, r, "user", i),
            cancellationToken);

    // ---- Reads: single objects used by provisioning --------------------------------------------

    /// <summary>A user by id or login, or null when Okta has no such user.</summary>
    public async Task<OktaUser?> FindUserAsync(string idOrLogin, CancellationToken cancellationToken)
    {
        OktaId.RequireIdOrLogin(idOrLogin, "User");
        var request = Get($"/api/v1/users/{Uri.EscapeDataString(idOrLogin)}") with { ToleratedStatuses = [404] };
        var user = (await _sender.SendAsync(request, OktaJsonContext.Default.OktaUser, cancellationToken).ConfigureAwait(false)).Value;
        if (user is not null)
        {
            RequireId(user.Id, request, "the user");
        }

        return user;
    }

    public async Task<OktaGroup?> FindGroupAsync(string groupId, CancellationToken cancellationToken)
    {
        var request = Get($"/api/v1/groups/{Id(groupId, "Group id")}") with { ToleratedStatuses = [404] };
        var group = (await _sender.SendAsync(request, OktaJsonContext.Default.OktaGroup, cancellationToken).ConfigureAwait(false)).Value;
        if (group is not null)
        {
            RequireId(group.Id, request, "the group");
        }

        return group;
    }

    /// <summary>The user's assignment to the app, or null when the user is not assigned (directly or through a group).</summary>
    public async Task<OktaAppUser?> FindAppUserAsync(string appId, string userId, CancellationToken cancellationToken)
    {
        var request = Get($"/api/v1/apps/{Id(appId, "App id")}/users/{Id(userId, "User id")}") with { ToleratedStatuses = [404] };
        return (await _sender.SendAsync(request, OktaJsonContext.Default.OktaAppUser, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>The group's assignment to the app, or null when the group is not assigned.</summary>
    public async Task<OktaAppGroupAssignment?> FindAppGroupAssignmentAsync(string appId, string groupId, CancellationToken cancellationToken)
    {
        var request = Get($"/api/v1/apps/{Id(appId, "App id")}/groups/{Id(groupId, "Group id")}") with { ToleratedStatuses = [404] };
        return (await _sender.SendAsync(request, OktaJsonContext.Default.OktaAppGroupAssignment, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>The groups a user belongs to (a user's groups are few, and this spends the users bucket, not the apps one).</summary>
    public async Task<IReadOnlyList<OktaGroup>> ListUserGroupsAsync(string userId, CancellationToken cancellationToken)
    {
        var groups = new List<OktaGroup>();
        var first = Url($"/api/v1/users/{Id(userId, "User id")}/groups?limit=200");
        await foreach (var page in PagesAsync(first, OktaJsonContext.Default.ListOktaGroup, (g, r, i) => RequireId(g.Id, r, "group", i), cancellationToken).ConfigureAwait(false))
        {
            groups.AddRange(page.Items);
        }

        return groups;
    }

    /// <summary>Whether the user is a member of the group.</summary>
    public async Task<bool> IsGroupMemberAsync(string groupId, string userId, CancellationToken cancellationToken) =>
        (await ListUserGroupsAsync(userId, cancellationToken).ConfigureAwait(false)).Any(g => string.Equals(g.Id, groupId, StringComparison.Ordinal));

    // ---- Reads: admin roles (the roles API; every read may answer 403 to a token that may not read roles) ----

    /// <summary>Users who hold admin role assignments (<c>/api/v1/iam/assignees/users</c>, paged in the body).</summary>
    public IAsyncEnumerable<OktaPage<OktaRoleAssignee>> ListRoleAssigneesAsync(Uri? resumeFrom, CancellationToken cancellationToken) =>
        IamPagesAsync<OktaRoleAssigneesPage, OktaRoleAssignee>(
            resumeFrom ?? Url($"/api/v1/iam/assignees/users?limit={OktaPageLimits.RoleAssignees}"),
            OktaJsonContext.Default.OktaRoleAssigneesPage,
            (u, r, i) => RequireId(u.Id, r, "role assignee", i),
            cancellationToken);

    /// <summary>
    /// A user's or group's role assignments (a user's include those held through groups, with assignmentType GROUP),
    /// asking for both kinds of targets to be embedded. Okta documents one <c>expand</c> value per request; a role
    /// whose targets did not come embedded is read with <see cref="ListRoleGroupTargetsAsync"/> or
    /// <see cref="ListRoleAppTargetsAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<OktaRoleAssignment>> ListRoleAssignmentsAsync(OktaRoleHolder holder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var request = Get($"{holder.Path}/roles?expand=targets/groups&expand=targets/catalog/apps");
        var roles = (await _sender.SendAsync(request, OktaJsonContext.Default.ListOktaRoleAssignment, cancellationToken).ConfigureAwait(false)).Value ?? [];
        for (var i = 0; i < roles.Count; i++)
        {
            if (roles[i] is not { } role)
            {
                throw new OktaInvalidResponseException($"Okta's answer to {request.Description} has a null entry at #{i + 1}.");
            }

            RequireId(role.Id, request, "role assignment", i);
            if (string.IsNullOrEmpty(role.Type))
            {
                throw new OktaInvalidResponseException($"Okta's answer to {request.Description} has role assignment {role.Id} without a type.");
            }
        }

        return roles;
    }

    /// <summary>The group targets of a role assignment (an empty list: every group).</summary>
    public async Task<IReadOnlyList<OktaGroup>> ListRoleGroupTargetsAsync(OktaRoleHolder holder, string roleAssignmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var groups = new List<OktaGroup>();
        var first = Url($"{holder.Path}/roles/{Id(roleAssignmentId, "Role assignment id")}/targets/groups?limit={OktaPageLimits.RoleTargets}");
        await foreach (var page in PagesAsync(first, OktaJsonContext.Default.ListOktaGroup, (g, r, i) => RequireId(g.Id, r, "group target", i), cancellationToken).ConfigureAwait(false))
        {
            groups.AddRange(page.Items);
        }

        return groups;
    }

    /// <summary>The app targets of an APP_ADMIN assignment: app types by name, instances with an id (an empty list: every app).</summary>
    public async Task<IReadOnlyList<OktaCatalogApp>> ListRoleAppTargetsAsync(OktaRoleHolder holder, string roleAssignmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var apps = new List<OktaCatalogApp>();
        var first = Url($"{holder.Path}/roles/{Id(roleAssignmentId, "Role assignment id")}/targets/catalog/apps?limit={OktaPageLimits.RoleTargets}");
        await foreach (var page in PagesAsync(first, OktaJsonContext.Default.ListOktaCatalogApp, (a, r, i) => RequireName(a.Name, r, $"app target #{i + 1}"), cancellationToken).ConfigureAwait(false))
        {
            apps.AddRange(page.Items);
        }

        return apps;
    }

    /// <summary>Users by id, read with <c>search=id eq "..." or ...</c> a few dozen at a time; ids Okta does not return are left out.</summary>
    public async Task<IReadOnlyList<OktaUser>> FindUsersByIdAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        const int idsPerSearch = 20;
        var users = new List<OktaUser>(userIds.Count);
        foreach (var chunk in userIds.Distinct(StringComparer.Ordinal).Chunk(idsPerSearch))
        {
            var search = string.Join(" or ", chunk.Select(id => $"id eq \"{Id(id, "User id")}\""));
            await foreach (var page in ListUsersAsync(search, null, cancellationToken).ConfigureAwait(false))
            {
                users.AddRange(page.Items);
            }
        }

        return users;
    }

    /// <summary>The org's custom admin roles (<c>/api/v1/iam/roles</c>, paged in the body).</summary>
    public IAsyncEnumerable<OktaPage<OktaCustomRole>> ListCustomRolesAsync(Uri? resumeFrom, CancellationToken cancellationToken) =>
        IamPagesAsync<OktaCustomRolesPage, OktaCustomRole>(
            resumeFrom ?? Url("/api/v1/iam/roles"),
            OktaJsonContext.Default.OktaCustomRolesPage,
            (c, r, i) => RequireId(c.Id, r, "custom role", i),
            cancellationToken);

    /// <summary>A custom role's permissions, e.g. <c>okta.apps.assignment.manage</c> (not paged).</summary>
    public async Task<IReadOnlyList<string>> ListCustomRolePermissionsAsync(string roleId, CancellationToken cancellationToken)
    {
        var request = Get($"/api/v1/iam/roles/{Id(roleId, "Custom role id")}/permissions");
        var permissions = (await _sender.SendAsync(request, OktaJsonContext.Default.OktaPermissionsList, cancellationToken).ConfigureAwait(false)).Value?.Permissions ?? [];
        var labels = new List<string>(permissions.Count);
        for (var i = 0; i < permissions.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(permissions[i]?.Label))
            {
                throw new OktaInvalidResponseException($"Okta's answer to {request.Description} has permission #{i + 1} without a label.");
            }

            labels.Add(permissions[i].Label!);
        }

        return labels;
    }

    /// <summary>The org's resource sets (<c>/api/v1/iam/resource-sets</c>, paged in the body).</summary>
    public IAsyncEnumerable<OktaPage<OktaResourceSet>> ListResourceSetsAsync(Uri? resumeFrom, CancellationToken cancellationToken) =>
        IamPagesAsync<OktaResourceSetsPage, OktaResourceSet>(
            resumeFrom ?? Url("/api/v1/iam/resource-sets"),
            OktaJsonContext.Default.OktaResourceSetsPage,
            (s, r, i) => RequireId(s.Id, r, "resource set", i),
            cancellationToken);

    /// <summary>Every resource of a resource set.</summary>
    public Task<IReadOnlyList<OktaResourceSetResource>> ListResourceSetResourcesAsync(string resourceSetId, CancellationToken cancellationToken) =>
        AllAsync(IamPagesAsync<OktaResourceSetResourcesPage, OktaResourceSetResource>(
            Url($"/api/v1/iam/resource-sets/{Id(resourceSetId, "Resource set id")}/resources?limit={OktaPageLimits.ResourceSetResources}"),
            OktaJsonContext.Default.OktaResourceSetResourcesPage,
            (x, r, i) => RequireId(x.Id, r, "resource", i),
            cancellationToken));

    /// <summary>The custom roles bound to a resource set.</summary>
    public Task<IReadOnlyList<OktaResourceSetBinding>> ListResourceSetBindingsAsync(string resourceSetId, CancellationToken cancellationToken) =>
        AllAsync(IamPagesAsync<OktaResourceSetBindingsPage, OktaResourceSetBinding>(
            Url($"/api/v1/iam/resource-sets/{Id(resourceSetId, "Resource set id")}/bindings"),
            OktaJsonContext.Default.OktaResourceSetBindingsPage,
            (b, r, i) => RequireId(b.Id, r, "binding", i),
            cancellationToken));

    /// <summary>The users and groups bound to a custom role over a resource set.</summary>
    public Task<IReadOnlyList<OktaResourceSetBindingMember>> ListResourceSetBindingMembersAsync(string resourceSetId, string roleId, CancellationToken cancellationToken) =>
        AllAsync(IamPagesAsync<OktaResourceSetBindingMembersPage, OktaResourceSetBindingMember>(
            Url($"/api/v1/iam/resource-sets/{Id(resourceSetId, "Resource set id")}/bindings/{Id(roleId, "Custom role id")}/members"),
            OktaJsonContext.Default.OktaResourceSetBindingMembersPage,
            (m, r, i) => RequireId(m.Id, r, "binding member", i),
            cancellationToken));

    /// <summary>
    /// The <c>/api/v1/iam</c> lists: the next page's URL is in the body (<c>_links.next.href</c>), present only while
    /// more remain. It must stay on the configured org, like a Link header's, and must lead somewhere new.
    /// </summary>
    private async IAsyncEnumerable<OktaPage<T>> IamPagesAsync<TPage, T>(
        Uri first,
        JsonTypeInfo<TPage> type,
        Action<T, OktaRequest, int> validate,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TPage : class, IOktaIamPage<T>
    {
        Uri? next = first;
        var trail = new PageTrail(first);
        while (next is not null)
        {
            var request = new OktaRequest(HttpMethod.Get, next);
            var response = await _sender.SendAsync(request, type, cancellationToken).ConfigureAwait(false);
            var items = response.Value?.PageItems ?? [];
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is null)
                {
                    throw new OktaInvalidResponseException($"Okta's answer to {request.Description} has a null entry at #{i + 1}.");
                }

                validate(items[i], request, i);
            }

            var following = BodyNext(request, response.Value?.Links?.Next?.Href) ?? response.Next;
            trail.Record(request, items.Count, following);
            yield return new OktaPage<T>(items, next, following);
            next = following;
        }
    }

    private Uri? BodyNext(OktaRequest request, string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        if (!Uri.TryCreate(Domain.BaseUri, href, out var next))
        {
            throw new OktaInvalidResponseException($"Okta's next-page link for {request.Description} is not a URL ('{OktaId.Printable(href)}').");
        }

        if (!Domain.IsSameOrigin(next))
        {
            throw new OktaInvalidResponseException($"Okta's next-page link for {request.Description} points to {next.GetLeftPart(UriPartial.Authority)}, not {Domain}; refusing to follow it.");
        }

        return next;
    }

    private static async Task<IReadOnlyList<T>> AllAsync<T>(IAsyncEnumerable<OktaPage<T>> pages)
    {
        var all = new List<T>();
        await foreach (var page in pages.ConfigureAwait(false))
        {
            all.AddRange(page.Items);
        }

        return all;
    }

    private static void RequireName(string? name, OktaRequest request, string what)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new OktaInvalidResponseException($"Okta's answer to {request.Description} has {what} without a name.");
        }
    }

    // ---- Writes ---------------------------------------------------------------------------------

    public Task AddUserToGroupAsync(string groupId, string userId, CancellationToken cancellationToken) =>
        SendNoContentAsync(new OktaRequest(HttpMethod.Put, Url($"/api/v1/groups/{Id(groupId, "Group id")}/users/{Id(userId, "User id")}")), cancellationToken);

    public Task RemoveUserFromGroupAsync(string groupId, string userId, CancellationToken cancellationToken) =>
        SendNoContentAsync(new OktaRequest(HttpMethod.Delete, Url($"/api/v1/groups/{Id(groupId, "Group id")}/users/{Id(userId, "User id")}")), cancellationToken);

    /// <summary>Assigns the user directly (scope USER) with these SAML roles; converts a group-scoped assignment.</summary>
    public async Task<OktaAppUser> AssignUserToAppAsync(string appId, string userId, IReadOnlyList<string> samlRoles, CancellationToken cancellationToken)
    {
        var body = new AppUserAssignRequest { Id = Id(userId, "User id"), Profile = new AwsAppProfile { SamlRoles = [.. samlRoles] } };
        var request = new OktaRequest(HttpMethod.Post, Url($"/api/v1/apps/{Id(appId, "App id")}/users"), JsonSerializer.SerializeToUtf8Bytes(body, OktaJsonContext.Default.AppUserAssignRequest));
        return (await _sender.SendAsync(request, OktaJsonContext.Default.OktaAppUser, cancellationToken).ConfigureAwait(false)).Value!;
    }

    /// <summary>Replaces the SAML roles of a direct assignment.</summary>
    public async Task<OktaAppUser> UpdateAppUserRolesAsync(string appId, string userId, IReadOnlyList<string> samlRoles, CancellationToken cancellationToken)
    {
        var body = new AppUserProfileUpdateRequest { Profile = new AwsAppProfile { SamlRoles = [.. samlRoles] } };
        var request = new OktaRequest(HttpMethod.Post, Url($"/api/v1/apps/{Id(appId, "App id")}/users/{Id(userId, "User id")}"), JsonSerializer.SerializeToUtf8Bytes(body, OktaJsonContext.Default.AppUserProfileUpdateRequest));
        return (await _sender.SendAsync(request, OktaJsonContext.Default.OktaAppUser, cancellationToken).ConfigureAwait(false)).Value!;
    }

    public Task UnassignUserFromAppAsync(string appId, string userId, CancellationToken cancellationToken) =>
        SendNoContentAsync(new OktaRequest(HttpMethod.Delete, Url($"/api/v1/apps/{Id(appId, "App id")}/users/{Id(userId, "User id")}")), cancellationToken);

    /// <summary>Assigns the group to the app with these SAML roles (replacing an existing assignment's profile).</summary>
    public async Task<OktaAppGroupAssignment> AssignGroupToAppAsync(string appId, string groupId, IReadOnlyList<string> samlRoles, CancellationToken cancellationToken)
    {
        var body = new AppGroupAssignRequest { Profile = new AwsAppProfile { SamlRoles = [.. samlRoles] } };
        var request = new OktaRequest(HttpMethod.Put, Url($"/api/v1/apps/{Id(appId, "App id")}/groups/{Id(groupId, "Group id")}"), JsonSerializer.SerializeToUtf8Bytes(body, OktaJsonContext.Default.AppGroupAssignRequest));
        return (await _sender.SendAsync(request, OktaJsonContext.Default.OktaAppGroupAssignment, cancellationToken).ConfigureAwait(false)).Value!;
    }

    /// <summary>Replaces <c>/profile/samlRoles</c> of an existing group assignment (JSON-Patch), leaving its priority alone.</summary>
    public async Task<OktaAppGroupAssignment> PatchAppGroupRolesAsync(string appId, string groupId, IReadOnlyList<string> samlRoles, CancellationToken cancellationToken)
    {
        List<SamlRolesPatchOperation> body = [new SamlRolesPatchOperation { Value = [.. samlRoles] }];
        var request = new OktaRequest(HttpMethod.Patch, Url($"/api/v1/apps/{Id(appId, "App id")}/groups/{Id(groupId, "Group id")}"), JsonSerializer.SerializeToUtf8Bytes(body, OktaJsonContext.Default.ListSamlRolesPatchOperation));
        return (await _sender.SendAsync(request, OktaJsonContext.Default.OktaAppGroupAssignment, cancellationToken).ConfigureAwait(false)).Value!;
    }

    public Task UnassignGroupFromAppAsync(string appId, string groupId, CancellationToken cancellationToken) =>
        SendNoContentAsync(new OktaRequest(HttpMethod.Delete, Url($"/api/v1/apps/{Id(appId, "App id")}/groups/{Id(groupId, "Group id")}")), cancellationToken);

    public void Dispose() => _sender.Dispose();

    // ---- Plumbing -------------------------------------------------------------------------------

    private async IAsyncEnumerable<OktaPage<T>> PagesAsync<T>(
        Uri first,
        JsonTypeInfo<List<T>> type,
        Action<T, OktaRequest, int> validate,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Uri? next = first;
        var trail = new PageTrail(first);
        while (next is not null)
        {
            var request = new OktaRequest(HttpMethod.Get, next);
            var response = await _sender.SendAsync(request, type, cancellationToken).ConfigureAwait(false);
            var items = response.Value ?? [];
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is null)
                {
                    throw new OktaInvalidResponseException($"Okta's answer to {request.Description} has a null entry at #{i + 1}.");
                }

                validate(items[i], request, i);
            }

            // Before the page goes out: a sync would otherwise checkpoint a next link that loops.
            trail.Record(request, items.Count, response.Next);
            yield return new OktaPage<T>(items, next, response.Next);
            next = response.Next;
        }
    }

    private async Task SendNoContentAsync(OktaRequest request, CancellationToken cancellationToken) =>
        await _sender.SendAsync<object>(request, null, cancellationToken).ConfigureAwait(false);

    private OktaRequest Get(string pathAndQuery) => new(HttpMethod.Get, Url(pathAndQuery));

    /// <summary><c>&amp;name=value</c>, escaped, or nothing when there is no value.</summary>
    private static string Query(string name, string? value) => value is null ? string.Empty : $"&{name}={Uri.EscapeDataString(value)}";

    private Uri Url(string pathAndQuery) => new(Domain.BaseUri, pathAndQuery);

    private static string Id(string id, string what) => OktaId.Require(id, what);

    /// <summary>
    /// <see cref="RequireId(string?, OktaRequest, string)"/> for item <paramref name="index"/> of a page, named
    /// (<c>member #12</c>) only when it fails: a list checks every item of every page.
    /// </summary>
    private static void RequireId(string? id, OktaRequest request, string item, int index)
    {
        if (!OktaId.IsValid(id))
        {
            RequireId(id, request, $"{item} #{index + 1}");
        }
    }

    private static void RequireId(string? id, OktaRequest request, string what)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new OktaInvalidResponseException($"Okta's answer to {request.Description} has {what} without an id.");
        }

        if (!OktaId.IsValid(id))
        {
            throw new OktaInvalidResponseException($"Okta's answer to {request.Description} has {what} with an unusable id '{OktaId.Printable(id)}'.");
        }
    }

    private static SocketsHttpHandler CreateHandler(OktaClientOptions options) => new()
    {
        // A redirect could carry the token to another host: never follow one.
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        ConnectTimeout = TimeSpan.FromSeconds(15),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = options.MaxConcurrentRequests,
    };
}
