using System.Net;
using System.Text.Json;
using OktaSimulator.Fixtures;
using static OktaSimulator.Tests.TestOrgs;

namespace OktaSimulator.Tests;

/// <summary>A token whose admin is not a super admin, and fixtures whose admin roles don't add up.</summary>
public sealed class AdminRoleAccessTests
{
    public static TheoryData<string> RoleEndpoints => new()
    {
        "/api/v1/iam/assignees/users",
        $"/api/v1/users/{SuperAdminUser}/roles",
        $"/api/v1/users/{SuperAdminUser}/roles/rasuper0000000000001",
        $"/api/v1/users/{HelpDeskUser}/roles/rahelpdesk0000000004/targets/groups",
        $"/api/v1/users/{AppAdminUser}/roles/raappadmin0000000002/targets/catalog/apps",
        $"/api/v1/groups/{AdminsGroup}/roles",
        $"/api/v1/groups/{AdminsGroup}/roles/ragroupmembership005",
        $"/api/v1/groups/{AdminsGroup}/roles/ragroupmembership005/targets/groups",
        $"/api/v1/groups/{AdminsGroup}/roles/ragroupmembership005/targets/catalog/apps",
        "/api/v1/iam/roles",
        $"/api/v1/iam/roles/{AwsAssignerRole}",
        $"/api/v1/iam/roles/{AwsAssignerRole}/permissions",
        $"/api/v1/iam/roles/{AwsAssignerRole}/permissions/okta.apps.assignment.manage",
        "/api/v1/iam/resource-sets",
        $"/api/v1/iam/resource-sets/{AwsResourceSet}",
        $"/api/v1/iam/resource-sets/{AwsResourceSet}/resources",
        $"/api/v1/iam/resource-sets/{AwsResourceSet}/bindings",
        $"/api/v1/iam/resource-sets/{AwsResourceSet}/bindings/{AwsAssignerRole}",
        $"/api/v1/iam/resource-sets/{AwsResourceSet}/bindings/{AwsAssignerRole}/members",
    };

    [Theory]
    [MemberData(nameof(RoleEndpoints))]
    public async Task RoleEndpoint_TokenNotSuperAdminByOption_Answers403WithOktasAccessDeniedBody(string path)
    {
        await using var sim = await SimulatorSession.StartAsync(AdminFixture().ToState(), o => o with { TokenIsSuperAdmin = false });

        using var response = await sim.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("E0000006", body.RootElement.GetProperty("errorCode").GetString());
        Assert.Equal("You do not have permission to perform the requested action", body.RootElement.GetProperty("errorSummary").GetString());
        Assert.Empty(body.RootElement.GetProperty("errorCauses").EnumerateArray());
    }

    [Fact]
    public async Task RoleEndpoint_TokenNotSuperAdminByFixture_Answers403ButOtherReadsWork()
    {
        await using var sim = await SimulatorSession.StartAsync(AdminFixture(tokenIsSuperAdmin: false).ToState());

        using var roles = await sim.Http.GetAsync(new Uri($"/api/v1/users/{SuperAdminUser}/roles", UriKind.Relative));
        using var user = await sim.Http.GetAsync(new Uri($"/api/v1/users/{SuperAdminUser}", UriKind.Relative));
        using var apps = await sim.Http.GetAsync(new Uri("/api/v1/apps", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, roles.StatusCode);
        Assert.Equal(HttpStatusCode.OK, user.StatusCode);
        Assert.Equal(HttpStatusCode.OK, apps.StatusCode);
    }

    [Fact]
    public async Task RoleEndpoint_OptionSaysSuperAdminOverFixture_Answers200()
    {
        await using var sim = await SimulatorSession.StartAsync(AdminFixture(tokenIsSuperAdmin: false).ToState(), o => o with { TokenIsSuperAdmin = true });

        using var response = await sim.Http.GetAsync(new Uri("/api/v1/iam/assignees/users", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void ToState_UnknownRoleType_FailsNamingHolderAndType()
    {
        var fixture = AdminFixture();
        fixture.Users[0].AdminRoles[0].Type = "KING";

        var error = Assert.Throws<InvalidDataException>(() => fixture.ToState());

        Assert.Contains(SuperAdminUser, error.Message, StringComparison.Ordinal);
        Assert.Contains("KING", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToState_GroupTargetsOnAppAdmin_Fails()
    {
        var fixture = AdminFixture();
        fixture.Users[1].AdminRoles[0].Targets!.Groups.Add(AwsGroup);

        var error = Assert.Throws<InvalidDataException>(() => fixture.ToState());

        Assert.Contains("APP_ADMIN", error.Message, StringComparison.Ordinal);
        Assert.Contains("group targets", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToState_AppTargetInstanceOfAnotherType_Fails()
    {
        var fixture = AdminFixture();
        fixture.Users[1].AdminRoles[0].Targets!.Apps.Add($"bookmark:{AdminOrgAwsAppId}");

        var error = Assert.Throws<InvalidDataException>(() => fixture.ToState());

        Assert.Contains(AdminOrgAwsAppId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToState_CustomRoleWithUnknownResourceSet_Fails()
    {
        var fixture = AdminFixture();
        fixture.Users[3].AdminRoles[0].ResourceSet = "iamnosuchset";

        var error = Assert.Throws<InvalidDataException>(() => fixture.ToState());

        Assert.Contains("iamnosuchset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToState_ResourceSetWithUnknownResource_FailsListingTheAcceptedForms()
    {
        var fixture = AdminFixture();
        fixture.ResourceSets[1].Resources.Add("users");

        var error = Assert.Throws<InvalidDataException>(() => fixture.ToState());

        Assert.Contains("'users'", error.Message, StringComparison.Ordinal);
        Assert.Contains("groups:<groupId>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToState_CustomRoleGivenOnUserAndInBinding_BindsTheMemberOnce()
    {
        var fixture = AdminFixture();
        fixture.ResourceSets[0].Bindings[0].Members.Add(CustomRoleUser);

        var state = fixture.ToState();

        Assert.Equal(2, state.AdminRoles.ResourceSets[AwsResourceSet].Bindings[AwsAssignerRole].Count);
    }

    [Fact]
    public void ParseFixtureJson_AdminRolesCustomRolesAndResourceSets_RoundTrip()
    {
        var json = """
        {
          "org": { "tokenIsSuperAdmin": false },
          "users": [ { "id": "00ujsonadmin00000001", "login": "a@json.example",
                       "adminRoles": [ { "type": "APP_ADMIN", "targets": { "apps": ["amazon_aws"] } },
                                       { "type": "CUSTOM", "role": "cr0json", "resourceSet": "iamjson" } ] } ],
          "customRoles": [ { "id": "cr0json", "label": "Json role", "permissions": ["okta.apps.assignment.manage"] } ],
          "resourceSets": [ { "id": "iamjson", "label": "Json set", "resources": ["apps:amazon_aws"] } ]
        }
        """;

        var state = OrgFixture.Parse(json).ToState();

        Assert.False(state.Org.TokenIsSuperAdmin);
        var held = state.AdminRoles.HeldBy(OktaSimulator.Model.RoleAssignee.ForUser("00ujsonadmin00000001"));
        Assert.Equal(["APP_ADMIN", "CUSTOM"], held.Select(h => h.Type));
        Assert.Equal("amazon_aws", Assert.Single(held[0].Standard!.AppTargets).AppName);
    }
}
