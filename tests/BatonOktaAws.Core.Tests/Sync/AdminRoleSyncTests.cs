using BatonOktaAws.Core.Baton;
using BatonOktaAws.Core.Okta.Errors;
using BatonOktaAws.Store;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;
using OktaSimulator.Http;
using OktaSimulator.Model;
using static BatonOktaAws.Core.Tests.Sync.AdminEstate;

namespace BatonOktaAws.Core.Tests.Sync;

/// <summary>The admin role lists of a real sync against the simulator: what they write, what they cost, and a token that may not read them.</summary>
public sealed class AdminRoleSyncTests
{
    private static readonly string[] AdminTables =
        ["okta_admin_roles", "okta_admin_role_targets", "okta_custom_roles", "okta_custom_role_permissions", "okta_resource_sets", "okta_resource_set_resources", "okta_resource_set_bindings"];

    [Fact]
    public async Task RunAsync_AdminEstate_StoresEachAssignmentWithItsTargetsAndBatonRoleGrants()
    {
        var state = Fixture().ToState();
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync(appId: $"{Prod},{Other}");

        Assert.Equal(ExpectedAccess.FromAllApps(state), harness.AccessRows());
        Assert.True(result.AdminRoles!.Reviewed);
        Assert.Equal((18L, 16L, 2L, 3L, 3L), (result.AdminRoles.Counts.Assignments, result.AdminRoles.Counts.Users, result.AdminRoles.Counts.Groups, result.AdminRoles.Counts.CustomRoles, result.AdminRoles.Counts.ResourceSets));
        using var reader = SyncFileReader.Open(harness.FilePath);
        var sync = reader.Latest();
        Assert.Equal(
            [
                ("user", Ids["appinst"], "app-instance", Other, "amazon_aws"),
                ("user", Ids["appother"], "app", "bookmark", "bookmark"),
                ("user", Ids["apptype"], "app", "amazon_aws", "amazon_aws"),
                ("user", Ids["gma"], "group", Admins, null),
                ("user", Ids["groupadmint"], "group", Devs, null),
                ("group", AdminHolders, "group", Devs, null),
            ],
            sync.AdminRoleTargets().Select(t => (t.AssigneeType, t.AssigneeId, t.TargetType, t.TargetId, t.AppName)).OrderBy(t => t.AssigneeType == "group").ThenBy(t => t.AssigneeId, StringComparer.Ordinal));
        var grants = sync.DumpTable("grants").Select(g => g.Split('|')[0]).Where(g => g.StartsWith("role:", StringComparison.Ordinal)).ToList();
        Assert.Contains($"role:GROUP_MEMBERSHIP_ADMIN:assigned:group:{AdminHolders}", grants);
        Assert.Contains($"role:GROUP_MEMBERSHIP_ADMIN:assigned:user:{Ids["viagroup"]}", grants);
        Assert.Contains($"role:{CustomBoth}:assigned:user:{Ids["customboth"]}", grants);
        Assert.Contains($"role:READ_ONLY_ADMIN:assigned:user:{Ids["member3"]}", grants);
        Assert.All(grants, g => Assert.True(GrantId.TryParse(g, out var id) && id.Entitlement.IsAdminRole, g));
        var sources = sync.DumpTable("grant_sources");
        Assert.Contains($"role:GROUP_MEMBERSHIP_ADMIN:assigned:user:{Ids["viagroup"]}||group:{AdminHolders}", sources);
        Assert.Contains($"role:SUPER_ADMIN:assigned:user:{Ids["super"]}||direct", sources);
        var roles = sync.DumpTable("resources").Where(r => r.StartsWith("role|", StringComparison.Ordinal)).Select(r => r.Split('|')[1]).ToList();
        Assert.Equal(
            ["APP_ADMIN", "GROUP_MEMBERSHIP_ADMIN", "HELP_DESK_ADMIN", "ORG_ADMIN", "READ_ONLY_ADMIN", "SUPER_ADMIN", "USER_ADMIN", CustomAllApps, CustomBoth, CustomRead],
            roles);
        Assert.Contains(sync.Groups(), g => g.Id == AdminHolders && g.Name == "admin-holders");
        Assert.Contains(sync.Users(), u => u.Id == Ids["readonly"] && u.Login == Login("readonly") && u.Status == "ACTIVE");
    }

    [Fact]
    public async Task RunAsync_AdminEstate_SpendsAFewListPagesAndOneRequestPerRoleHoldingPrincipal()
    {
        var state = Fixture().ToState();
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        await harness.SyncAsync(appId: $"{Prod},{Other}");

        var byEndpoint = simulator.Requests.CountByEndpoint();
        int Count(string endpoint) => byEndpoint.GetValueOrDefault(endpoint);
        Assert.Equal(1, Count("GET /api/v1/iam/assignees/users"));
        Assert.Equal(OwnRoleHolders.Length, Count("GET /api/v1/users/{userId}/roles"));
        Assert.Equal(2, Count("GET /api/v1/groups/{groupId}/roles"));
        Assert.Single(simulator.Requests.Entries, e => e.Path == "/api/v1/groups" && e.Query.Contains("expand=stats", StringComparison.Ordinal));
        Assert.Single(simulator.Requests.Entries, e => e.Path == "/api/v1/users" && e.Query.Contains("search=", StringComparison.Ordinal));
        Assert.Equal(1, Count("GET /api/v1/iam/roles"));
        Assert.Equal(3, Count("GET /api/v1/iam/roles/{roleIdOrLabel}/permissions"));
        Assert.Equal(1, Count("GET /api/v1/iam/resource-sets"));
        Assert.Equal(3, Count("GET /api/v1/iam/resource-sets/{resourceSetIdOrLabel}/resources"));
        Assert.Equal(3, Count("GET /api/v1/iam/resource-sets/{resourceSetIdOrLabel}/bindings"));
        Assert.Equal(4, Count("GET /api/v1/iam/resource-sets/{resourceSetIdOrLabel}/bindings/{roleIdOrLabel}/members"));
        Assert.DoesNotContain(simulator.Requests.Entries, e => e.Path.Contains("/targets/", StringComparison.Ordinal));
        Assert.DoesNotContain(simulator.Requests.Entries, e => e.Path.StartsWith("/api/v1/users/", StringComparison.Ordinal) && !e.Path.EndsWith("/roles", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_GeneratedOrgWithAdminRoleHolders_AsksOnlyAboutTheHoldersNeverEveryUser()
    {
        var state = OrgGenerator.Generate(OrgShape.Small with { AdminRoleHolders = 12, AwsApps = 3 });
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync(appId: "all");

        int holders, groups;
        lock (state.SyncRoot)
        {
            holders = state.AdminRoles.UsersWithOwnAssignments().Count;
            groups = state.Groups.Keys.Count(state.AdminRoles.GroupHoldsARole);
        }

        var byEndpoint = simulator.Requests.CountByEndpoint();
        Assert.Equal(holders, byEndpoint["GET /api/v1/users/{userId}/roles"]);
        Assert.Equal(groups, byEndpoint["GET /api/v1/groups/{groupId}/roles"]);
        Assert.Equal(holders, result.AdminRoles!.Counts.Users);
        Assert.InRange(holders, 10, 12);
        Assert.Equal(ExpectedAccess.FromAllApps(state), harness.AccessRows());
    }

    [Fact]
    public async Task RunAsync_TokenThatMayNotReadRoles_FinishesWithOneWarningAndTheAccessIntact()
    {
        var state = Fixture(tokenIsSuperAdmin: false).ToState();
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync(appId: $"{Prod},{Other}");

        Assert.Equal(ExpectedAccess.FromAllApps(state), harness.AccessRows());
        var warning = Assert.Single(result.Warnings, w => w.Code == "admin-roles-not-reviewed");
        Assert.StartsWith("Admin roles not reviewed: the token lacks permission (Okta answered 403 to GET /api/v1/", warning.Message, StringComparison.Ordinal);
        Assert.False(result.AdminRoles!.Reviewed);
        Assert.Equal(warning.Message, result.AdminRoles.NotReviewed);
        Assert.Contains(simulator.Requests.Entries, e => e.Status == 403);
        using var reader = SyncFileReader.Open(harness.FilePath);
        Assert.All(AdminTables, t => Assert.Empty(reader.Latest().DumpTable(t)));
    }

    [Fact]
    public async Task RunAsync_WithoutCustomRoles_AsksNothingOfCustomRolesOrResourceSets()
    {
        await using var simulator = await TestSimulator.StartAsync(Fixture().ToState());
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync(o => o with { SyncCustomRoles = false }, appId: $"{Prod},{Other}");

        Assert.DoesNotContain(simulator.Requests.Entries, e => e.Path.StartsWith("/api/v1/iam/roles", StringComparison.Ordinal) || e.Path.StartsWith("/api/v1/iam/resource-sets", StringComparison.Ordinal));
        Assert.False(result.AdminRoles!.CustomRolesRead);
        using var reader = SyncFileReader.Open(harness.FilePath);
        var sync = reader.Latest();
        Assert.Empty(sync.CustomRoles());
        Assert.Contains(sync.AdminRoles(), r => r.RoleType == "CUSTOM" && r.RoleId == CustomBoth && r.ResourceSetId == SetProd);
    }

    [Fact]
    public async Task RunAsyncWithResume_FailedInTheResourceSets_FinishesWithTheSameAdminTablesAsAOneShotSync()
    {
        var state = Fixture().ToState();
        await using var simulator = await TestSimulator.StartAsync(state);
        using var oneShot = new SyncHarness(simulator);
        await oneShot.SyncAsync(appId: $"{Prod},{Other}");
        using var interrupted = new SyncHarness(simulator);

        simulator.Faults.Install(new FaultPlan { ServerErrorEvery = 1, PathPrefix = "/api/v1/iam/resource-sets/" });
        await Assert.ThrowsAsync<OktaException>(() => interrupted.SyncAsync(appId: $"{Prod},{Other}", clientOptions: SyncHarness.FastRetries with { MaxRetries = 0 }));
        simulator.Faults.Install(FaultPlan.None);
        simulator.Requests.Clear();
        var resumed = await interrupted.SyncAsync(o => o with { Resume = true }, appId: $"{Prod},{Other}");

        Assert.True(resumed.Resumed);
        foreach (var table in AdminTables.Concat(["grants", "grant_sources", "resources", "entitlements"]))
        {
            Assert.Equal(Dump(oneShot.FilePath, table), Dump(interrupted.FilePath, table));
        }
    }

    [Fact]
    public async Task RunAsync_RoleTargetsNotEmbedded_ReadsThemFromTheTargetsLists()
    {
        // A server that ignores expand: the simulator answers without _embedded when expand is not asked for.
        var state = Fixture().ToState();
        await using var simulator = await TestSimulator.StartAsync(state);
        using var embedded = new SyncHarness(simulator);
        await embedded.SyncAsync(appId: $"{Prod},{Other}");
        simulator.Requests.Clear();

        using var handler = new DroppingExpandHandler();
        using var fallback = new SyncHarness(simulator);
        await fallback.SyncAsync(appId: $"{Prod},{Other}", handler: handler);

        // Each role that takes targets asks once: 4 app admins; 2 group admins, 2 group membership admins, the help
        // desk admin and the group holding a group membership admin role.
        Assert.Equal(Dump(embedded.FilePath, "okta_admin_role_targets"), Dump(fallback.FilePath, "okta_admin_role_targets"));
        Assert.Equal(4, simulator.Requests.Entries.Count(e => e.Path.EndsWith("/targets/catalog/apps", StringComparison.Ordinal)));
        Assert.Equal(6, simulator.Requests.Entries.Count(e => e.Path.EndsWith("/targets/groups", StringComparison.Ordinal)));
    }

    private static List<string> Dump(string path, string table)
    {
        using var reader = SyncFileReader.Open(path);
        return reader.Latest().DumpTable(table).Select(r => r[(r.IndexOf('|', StringComparison.Ordinal) + 1)..]).ToList();
    }

    /// <summary>Strips <c>expand</c> from role list requests on their way out, as a server that does not embed targets would answer.</summary>
    private sealed class DroppingExpandHandler : DelegatingHandler
    {
        public DroppingExpandHandler()
            : base(new SocketsHttpHandler())
        {
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { } uri && uri.AbsolutePath.EndsWith("/roles", StringComparison.Ordinal))
            {
                request.RequestUri = new UriBuilder(uri) { Query = string.Empty }.Uri;
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
