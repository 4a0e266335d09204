using System.Text.Json;
using static OktaSimulator.Tests.TestOrgs;

namespace OktaSimulator.Tests;

/// <summary>The read side of Okta's roles API: who holds which admin role, over what.</summary>
public sealed class AdminRoleTests : IAsyncLifetime
{
    private SimulatorSession _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorSession.StartAsync(AdminFixture().ToState());

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private string Base => _sim.Server.BaseAddress.ToString().TrimEnd('/');

    [Fact]
    public async Task ListUsersWithRoleAssignments_ListsUsersHoldingRolesThemselvesWithOrnAndLinks()
    {
        using var page = await _sim.GetJsonAsync("/api/v1/iam/assignees/users");

        var users = page.RootElement.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal([AppAdminUser, CustomRoleUser, HelpDeskUser, SuperAdminUser], users.Select(u => u.GetProperty("id").GetString()));
        var first = users.Single(u => u.GetProperty("id").GetString() == SuperAdminUser);
        Assert.Equal($"orn:okta:directory:{_sim.State.Org.Id}:users:{SuperAdminUser}", first.GetProperty("orn").GetString());
        Assert.Equal($"{Base}/api/v1/users/{SuperAdminUser}", first.GetProperty("_links").GetProperty("self").GetProperty("href").GetString());
        Assert.Equal($"{Base}/api/v1/users/{SuperAdminUser}/roles", first.GetProperty("_links").GetProperty("roles").GetProperty("href").GetString());
        Assert.False(page.RootElement.GetProperty("_links").TryGetProperty("next", out _));
    }

    [Fact]
    public async Task ListUsersWithRoleAssignments_LimitOne_PagesThroughBodyNextLinksInIdOrder()
    {
        var ids = new List<string>();
        string? next = "/api/v1/iam/assignees/users?limit=1";
        var pages = 0;
        while (next is not null)
        {
            using var response = await _sim.Http.GetAsync(new Uri(next, UriKind.RelativeOrAbsolute));
            response.EnsureSuccessStatusCode();
            Assert.Null(SimulatorSession.NextLink(response));
            using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            ids.AddRange(page.RootElement.GetProperty("value").EnumerateArray().Select(u => u.GetProperty("id").GetString()!));
            next = page.RootElement.GetProperty("_links").TryGetProperty("next", out var link) ? link.GetProperty("href").GetString() : null;
            pages++;
        }

        Assert.Equal(4, pages);
        Assert.Equal(new[] { AppAdminUser, CustomRoleUser, HelpDeskUser, SuperAdminUser }, ids);
    }

    [Fact]
    public async Task ListUserRoles_DirectStandardRole_HasTheContractShape()
    {
        using var roles = await _sim.GetJsonAsync($"/api/v1/users/{SuperAdminUser}/roles");

        var role = Assert.Single(roles.RootElement.EnumerateArray());
        Assert.Equal("rasuper0000000000001", role.GetProperty("id").GetString());
        Assert.Equal("SUPER_ADMIN", role.GetProperty("type").GetString());
        Assert.Equal("Super Organization administrator", role.GetProperty("label").GetString());
        Assert.Equal("ACTIVE", role.GetProperty("status").GetString());
        Assert.Equal("USER", role.GetProperty("assignmentType").GetString());
        Assert.Equal($"{Base}/api/v1/users/{SuperAdminUser}", role.GetProperty("_links").GetProperty("assignee").GetProperty("href").GetString());
        Assert.False(role.TryGetProperty("_embedded", out _));
    }

    [Fact]
    public async Task ListUserRoles_RolesHeldThroughAGroup_ShowAssignmentTypeGroupAndTheGroupAsAssignee()
    {
        using var roles = await _sim.GetJsonAsync($"/api/v1/users/{GroupAdminUser}/roles");

        var items = roles.RootElement.EnumerateArray().ToList();
        Assert.Equal(["GROUP_MEMBERSHIP_ADMIN", "CUSTOM"], items.Select(r => r.GetProperty("type").GetString()));
        Assert.All(items, r => Assert.Equal("GROUP", r.GetProperty("assignmentType").GetString()));
        Assert.All(items, r => Assert.Equal($"{Base}/api/v1/groups/{AdminsGroup}", r.GetProperty("_links").GetProperty("assignee").GetProperty("href").GetString()));
    }

    [Fact]
    public async Task ListUserRoles_CustomRole_NamesRoleResourceSetAndTheirLinks()
    {
        using var roles = await _sim.GetJsonAsync($"/api/v1/users/{CustomRoleUser}/roles");

        var role = Assert.Single(roles.RootElement.EnumerateArray());
        Assert.Equal("irbcustomuser0000001", role.GetProperty("id").GetString());
        Assert.Equal("CUSTOM", role.GetProperty("type").GetString());
        Assert.Equal("AWS assigner", role.GetProperty("label").GetString());
        Assert.Equal(AwsAssignerRole, role.GetProperty("role").GetString());
        Assert.Equal(AwsResourceSet, role.GetProperty("resource-set").GetString());
        var links = role.GetProperty("_links");
        Assert.Equal($"{Base}/api/v1/iam/resource-sets/{AwsResourceSet}", links.GetProperty("resource-set").GetProperty("href").GetString());
        Assert.Equal($"{Base}/api/v1/iam/roles/{AwsAssignerRole}", links.GetProperty("role").GetProperty("href").GetString());
        Assert.Equal($"{Base}/api/v1/iam/roles/{AwsAssignerRole}/permissions", links.GetProperty("permissions").GetProperty("href").GetString());
        Assert.Equal($"{Base}/api/v1/iam/resource-sets/{AwsResourceSet}/bindings/{AwsAssignerRole}/members/irbcustomuser0000001", links.GetProperty("member").GetProperty("href").GetString());
    }

    [Fact]
    public async Task ListUserRoles_ExpandTargetsGroups_EmbedsGroupTargetsAndAnEmptyListForAllGroups()
    {
        using var helpDesk = await _sim.GetJsonAsync($"/api/v1/users/{HelpDeskUser}/roles?expand=targets/groups");
        using var appAdmin = await _sim.GetJsonAsync($"/api/v1/users/{AppAdminUser}/roles?expand=targets%2Fgroups");

        var targets = Assert.Single(helpDesk.RootElement.EnumerateArray()).GetProperty("_embedded").GetProperty("targets");
        Assert.Equal([AwsGroup, EngineeringGroup], targets.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("id").GetString()));
        Assert.False(targets.TryGetProperty("catalog", out _));
        var userAdmin = appAdmin.RootElement.EnumerateArray().Single(r => r.GetProperty("type").GetString() == "USER_ADMIN");
        Assert.Empty(userAdmin.GetProperty("_embedded").GetProperty("targets").GetProperty("groups").EnumerateArray());
    }

    [Fact]
    public async Task ListUserRoles_ExpandTargetsCatalogApps_EmbedsAppTypesWithoutIdAndInstancesWithId()
    {
        using var roles = await _sim.GetJsonAsync($"/api/v1/users/{AppAdminUser}/roles?expand=targets/catalog/apps");

        var appAdmin = roles.RootElement.EnumerateArray().Single(r => r.GetProperty("type").GetString() == "APP_ADMIN");
        var apps = appAdmin.GetProperty("_embedded").GetProperty("targets").GetProperty("catalog").GetProperty("apps").EnumerateArray().ToList();
        Assert.Equal(["amazon_aws", "bookmark"], apps.Select(a => a.GetProperty("name").GetString()));
        Assert.Equal(AdminOrgAwsAppId, apps[0].GetProperty("id").GetString());
        Assert.Equal("AWS Production", apps[0].GetProperty("displayName").GetString());
        Assert.False(apps[1].TryGetProperty("id", out _));
        Assert.Equal($"{Base}/api/v1/catalog/apps/bookmark", apps[1].GetProperty("_links").GetProperty("self").GetProperty("href").GetString());
    }

    [Fact]
    public async Task ListUserRoles_CustomRoleWithExpand_EmbedsNothing()
    {
        using var roles = await _sim.GetJsonAsync($"/api/v1/users/{CustomRoleUser}/roles?expand=targets/groups");

        Assert.False(Assert.Single(roles.RootElement.EnumerateArray()).TryGetProperty("_embedded", out _));
    }

    [Fact]
    public async Task ListUserRoles_UserWithoutRoles_IsAnEmptyArray()
    {
        using var roles = await _sim.GetJsonAsync($"/api/v1/users/{PlainUser}/roles");

        Assert.Empty(roles.RootElement.EnumerateArray());
    }

    [Fact]
    public async Task GetUserRole_ByAssignmentId_ServesThatAssignmentAndUnknownIdsAre404()
    {
        using var role = await _sim.GetJsonAsync($"/api/v1/users/{AppAdminUser}/roles/rauseradmin000000003");
        using var missing = await _sim.Http.GetAsync(new Uri($"/api/v1/users/{AppAdminUser}/roles/rasuper0000000000001", UriKind.Relative));

        Assert.Equal("USER_ADMIN", role.RootElement.GetProperty("type").GetString());
        Assert.Equal(404, (int)missing.StatusCode);
        using var error = JsonDocument.Parse(await missing.Content.ReadAsStringAsync());
        Assert.Equal("E0000007", error.RootElement.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task ListGroupTargets_LimitOne_PagesWithLinkHeaders()
    {
        var (items, pages) = await _sim.GetAllPagesAsync($"/api/v1/users/{HelpDeskUser}/roles/rahelpdesk0000000004/targets/groups?limit=1");

        Assert.Equal(2, pages);
        Assert.Equal([AwsGroup, EngineeringGroup], items.Select(g => g.GetProperty("id").GetString()));
        Assert.Equal("AWS users", items[0].GetProperty("profile").GetProperty("name").GetString());
    }

    [Fact]
    public async Task ListAppTargets_ForUser_ServesCatalogApplications()
    {
        var (items, _) = await _sim.GetAllPagesAsync($"/api/v1/users/{AppAdminUser}/roles/raappadmin0000000002/targets/catalog/apps");

        Assert.Equal(["amazon_aws", "bookmark"], items.Select(a => a.GetProperty("name").GetString()));
        Assert.Equal(AdminOrgAwsAppId, items[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task ListGroupTargets_RoleInheritedThroughGroup_IsReachableFromTheUserAndTheGroup()
    {
        var (viaUser, _) = await _sim.GetAllPagesAsync($"/api/v1/users/{GroupAdminUser}/roles/ragroupmembership005/targets/groups");
        var (viaGroup, _) = await _sim.GetAllPagesAsync($"/api/v1/groups/{AdminsGroup}/roles/ragroupmembership005/targets/groups");

        Assert.Equal([AwsGroup], viaUser.Select(g => g.GetProperty("id").GetString()));
        Assert.Equal([AwsGroup], viaGroup.Select(g => g.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task ListGroupRoles_GroupWithRoles_ListsStandardAndCustomRolesAsGroupAssignments()
    {
        using var roles = await _sim.GetJsonAsync($"/api/v1/groups/{AdminsGroup}/roles?expand=targets/groups");

        var items = roles.RootElement.EnumerateArray().ToList();
        Assert.Equal(["GROUP_MEMBERSHIP_ADMIN", "CUSTOM"], items.Select(r => r.GetProperty("type").GetString()));
        Assert.All(items, r => Assert.Equal("GROUP", r.GetProperty("assignmentType").GetString()));
        Assert.Equal([AwsGroup], items[0].GetProperty("_embedded").GetProperty("targets").GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task ListGroups_ExpandStats_MarksGroupsHoldingAdminRoles()
    {
        var (groups, _) = await _sim.GetAllPagesAsync("/api/v1/groups?expand=stats");

        Assert.True(groups.Single(g => g.GetProperty("id").GetString() == AdminsGroup).GetProperty("_embedded").GetProperty("stats").GetProperty("hasAdminPrivlege").GetBoolean());
        Assert.False(groups.Single(g => g.GetProperty("id").GetString() == AwsGroup).GetProperty("_embedded").GetProperty("stats").GetProperty("hasAdminPrivlege").GetBoolean());
    }

    [Fact]
    public async Task ListCustomRoles_ServesIamRolesAndGetFindsByIdOrLabel()
    {
        using var list = await _sim.GetJsonAsync("/api/v1/iam/roles");
        using var byLabel = await _sim.GetJsonAsync("/api/v1/iam/roles/" + Uri.EscapeDataString("AWS assigner"));

        var roles = list.RootElement.GetProperty("roles").EnumerateArray().ToList();
        Assert.Equal([AwsAssignerRole, ReadOnlyRole], roles.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("Assigns the AWS app", roles[0].GetProperty("description").GetString());
        Assert.Equal($"{Base}/api/v1/iam/roles/{AwsAssignerRole}/permissions", roles[0].GetProperty("_links").GetProperty("permissions").GetProperty("href").GetString());
        Assert.Equal(AwsAssignerRole, byLabel.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task ListRolePermissions_CustomRole_ListsItsPermissionsByLabel()
    {
        using var permissions = await _sim.GetJsonAsync($"/api/v1/iam/roles/{AwsAssignerRole}/permissions");
        using var one = await _sim.GetJsonAsync($"/api/v1/iam/roles/{AwsAssignerRole}/permissions/okta.groups.members.manage");

        Assert.Equal(
            ["okta.apps.assignment.manage", "okta.groups.members.manage"],
            permissions.RootElement.GetProperty("permissions").EnumerateArray().Select(p => p.GetProperty("label").GetString()));
        Assert.Equal("okta.groups.members.manage", one.RootElement.GetProperty("label").GetString());
    }

    [Fact]
    public async Task ListResourceSets_ThenResources_ServeOrnsAndRestLinks()
    {
        using var sets = await _sim.GetJsonAsync("/api/v1/iam/resource-sets");
        using var aws = await _sim.GetJsonAsync($"/api/v1/iam/resource-sets/{AwsResourceSet}/resources");
        using var everything = await _sim.GetJsonAsync("/api/v1/iam/resource-sets/Everything/resources");

        Assert.Equal([AwsResourceSet, EverythingResourceSet], sets.RootElement.GetProperty("resource-sets").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        var org = _sim.State.Org.Id;
        var awsResources = aws.RootElement.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(
            [$"orn:okta:idp:{org}:apps:amazon_aws:{AdminOrgAwsAppId}", $"orn:okta:directory:{org}:groups:{AwsGroup}"],
            awsResources.Select(r => r.GetProperty("orn").GetString()));
        Assert.Equal($"{Base}/api/v1/apps/{AdminOrgAwsAppId}", awsResources[0].GetProperty("_links").GetProperty("self").GetProperty("href").GetString());
        Assert.Equal($"{Base}/api/v1/groups/{AwsGroup}", awsResources[1].GetProperty("_links").GetProperty("self").GetProperty("href").GetString());
        Assert.Equal($"{Base}/api/v1/iam/resource-sets/{AwsResourceSet}", aws.RootElement.GetProperty("_links").GetProperty("resource-set").GetProperty("href").GetString());
        Assert.Equal(
            [$"orn:okta:idp:{org}:apps", $"orn:okta:directory:{org}:groups", $"orn:okta:idp:{org}:apps:amazon_aws"],
            everything.RootElement.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("orn").GetString()));
    }

    [Fact]
    public async Task ListBindingsAndMembers_ResourceSet_ServeRolesAndTheirUserAndGroupMembers()
    {
        using var bindings = await _sim.GetJsonAsync($"/api/v1/iam/resource-sets/{AwsResourceSet}/bindings");
        using var binding = await _sim.GetJsonAsync($"/api/v1/iam/resource-sets/{AwsResourceSet}/bindings/{AwsAssignerRole}");
        using var members = await _sim.GetJsonAsync($"/api/v1/iam/resource-sets/{AwsResourceSet}/bindings/{AwsAssignerRole}/members");

        var role = Assert.Single(bindings.RootElement.GetProperty("roles").EnumerateArray());
        Assert.Equal(AwsAssignerRole, role.GetProperty("id").GetString());
        Assert.Equal($"{Base}/api/v1/iam/resource-sets/{AwsResourceSet}/bindings/{AwsAssignerRole}/members", role.GetProperty("_links").GetProperty("members").GetProperty("href").GetString());
        Assert.Equal(AwsAssignerRole, binding.RootElement.GetProperty("id").GetString());
        var hrefs = members.RootElement.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("_links").GetProperty("self").GetProperty("href").GetString()).ToList();
        Assert.Equal(2, hrefs.Count);
        Assert.Contains($"{Base}/api/v1/groups/{AdminsGroup}", hrefs);
        Assert.Contains($"{Base}/api/v1/users/{CustomRoleUser}", hrefs);
        Assert.Equal($"{Base}/api/v1/iam/resource-sets/{AwsResourceSet}/bindings/{AwsAssignerRole}", members.RootElement.GetProperty("_links").GetProperty("binding").GetProperty("href").GetString());
    }

    [Fact]
    public async Task ListMembers_LimitOne_PagesThroughBodyNextLinks()
    {
        using var first = await _sim.GetJsonAsync($"/api/v1/iam/resource-sets/{AwsResourceSet}/bindings/{AwsAssignerRole}/members?limit=1");
        var next = first.RootElement.GetProperty("_links").GetProperty("next").GetProperty("href").GetString()!;
        using var second = await _sim.GetJsonAsync(next);

        var ids = first.RootElement.GetProperty("members").EnumerateArray().Concat(second.RootElement.GetProperty("members").EnumerateArray()).Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Equal(2, ids.Distinct().Count());
        Assert.False(second.RootElement.GetProperty("_links").TryGetProperty("next", out _));
    }

    [Fact]
    public async Task Binding_RoleNotBoundInThatSet_Is404()
    {
        using var response = await _sim.Http.GetAsync(new Uri($"/api/v1/iam/resource-sets/{EverythingResourceSet}/bindings/{AwsAssignerRole}/members", UriKind.Relative));

        Assert.Equal(404, (int)response.StatusCode);
    }

    [Fact]
    public async Task RoleEndpoints_CountAgainstIamTheUsersRolesBucketAndGroups()
    {
        using (await _sim.GetJsonAsync("/api/v1/iam/roles"))
        using (await _sim.GetJsonAsync($"/api/v1/users/{SuperAdminUser}/roles"))
        using (await _sim.GetJsonAsync($"/api/v1/groups/{AdminsGroup}/roles"))
        {
        }

        // Okta's users rows cover /api/v1/users and /api/v1/users/{id} only; its groups row every /api/v1/groups path but /{id}.
        Assert.Equal(["/api/v1/iam", "/api/v1/users/{userId}/roles", "/api/v1/groups"], _sim.Server.Requests.Entries.Select(e => e.Bucket));
    }
}
