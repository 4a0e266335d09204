using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta.Errors;
using BatonOktaAws.Core.Okta.Paging;
using BatonOktaAws.Core.Sync;
using BatonOktaAws.Store;
using BatonOktaAws.Core.Baton;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;
using OktaSimulator.Http;
using OktaSimulator.Model;

namespace BatonOktaAws.Core.Tests.Sync;

public sealed class SyncEngineTests
{
    [Fact]
    public async Task RunAsync_SeveralPagesOfEveryList_WritesExactlyTheExpectedAccessWithNearMinimumRequests()
    {
        var state = OrgGenerator.Generate(TestShapes.SeveralPages);
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync();

        var expected = ExpectedAccess.From(state);
        Assert.True(expected.Count > 1_000);
        Assert.Equal(expected, harness.AccessRows());
        var minimum = MinimumRequests(state);
        Assert.InRange(result.Requests, minimum, minimum + 2);
        Assert.Equal(result.Requests, simulator.Requests.Count);
        Assert.DoesNotContain(simulator.Requests.Entries, e => e.Path.EndsWith("/groups", StringComparison.Ordinal) && e.Path.StartsWith("/api/v1/users/", StringComparison.Ordinal));
        var byEndpoint = simulator.Requests.CountByEndpoint();
        Assert.Equal(3, byEndpoint["GET /api/v1/apps/{appId}/users"]);
        Assert.Equal(3, byEndpoint["GET /api/v1/apps/{appId}/groups"]);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task RunAsync_SingleAccountVariants_MatchTheDocumentedRules(bool joinAllRoles, bool union)
    {
        var state = OrgGenerator.Generate(OrgShape.Small with { JoinAllRoles = joinAllRoles, SamlRolesUnion = union });
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync();

        Assert.Equal(ExpectedAccess.From(state), harness.AccessRows());
        var app = Assert.Single(result.Apps);
        Assert.Equal("single-account", app.Mode);
        Assert.Equal("123456789012", app.AccountId);
    }

    [Fact]
    public async Task RunAsync_GroupMappingWithUnanchoredFilter_ListsAllGroupsAndMapsAccountsAndRolesFromNames()
    {
        var state = OrgGenerator.Generate(OrgShape.Small with { Mode = OktaSimulator.Fixtures.AwsAppMode.GroupMapping });
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync();

        var expected = ExpectedAccess.From(state);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, harness.AccessRows());
        Assert.Equal("group-mapping", Assert.Single(result.Apps).Mode);
        Assert.True(result.Counts.Accounts > 1);
        Assert.Contains(simulator.Requests.Entries, e => e.Path == "/api/v1/groups" && !e.Query.Contains("search", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_GroupMappingWithAnchoredFilter_AsksOktaOnlyForGroupsWithThePrefix()
    {
        var state = OrgGenerator.Generate(OrgShape.Small with { Mode = OktaSimulator.Fixtures.AwsAppMode.GroupMapping });
        state.Apps[state.AwsAppId!].SettingsApp!["groupFilter"] = @"^aws_(?{{accountid}}\d{12})_(?{{role}}[\w\-]+)$";
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        await harness.SyncAsync();

        Assert.Equal(ExpectedAccess.From(state), harness.AccessRows());
        // The one other group list is the admin roles' (expand=stats), which reads every group's stats.
        var search = Assert.Single(simulator.Requests.Entries, e => e.Path == "/api/v1/groups" && !e.Query.Contains("expand=stats", StringComparison.Ordinal));
        Assert.Contains(Uri.EscapeDataString("profile.name sw \"aws_\""), search.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SyncAllUsers_StoresEveryUserIncludingDeprovisioned()
    {
        var state = OrgGenerator.Generate(OrgShape.Small);
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync(o => o with { SyncAllUsers = true });

        Assert.Equal(state.Users.Count, result.Counts.Users);
        Assert.Contains(simulator.Requests.Entries, e => e.Path == "/api/v1/users" && e.Query.Contains("DEPROVISIONED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_WithoutSyncAllUsers_StoresOnlyUsersSeenThroughTheApp()
    {
        var state = OrgGenerator.Generate(OrgShape.Small);
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync();

        Assert.InRange(result.Counts.Users, 600, state.Users.Count - 1);
        Assert.DoesNotContain(simulator.Requests.Entries, e => e.Path == "/api/v1/users");
    }

    [Fact]
    public async Task RunAsync_SkipSecondaryEmails_LeavesThemOut()
    {
        var state = OrgFixture.Demo().ToState();
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        await harness.SyncAsync();
        var withEmails = Users(harness.FilePath);
        await harness.SyncAsync(o => o with { SkipSecondaryEmails = true });
        var withoutEmails = Users(harness.FilePath);

        Assert.Contains(withEmails, u => u.Contains("bob.personal@mail.example", StringComparison.Ordinal));
        Assert.DoesNotContain(withoutEmails, u => u.Contains("bob.personal@mail.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_DemoOrg_WritesBatonIdsForEntitlementsAndGrants()
    {
        var state = OrgFixture.Demo().ToState();
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        await harness.SyncAsync();

        using var reader = SyncFileReader.Open(harness.FilePath);
        var entitlements = reader.Latest().DumpTable("entitlements").Select(r => r.Split('|')[0]).ToList();
        var grants = reader.Latest().DumpTable("grants").Select(r => r.Split('|')[0]).ToList();
        Assert.Contains("group:00gdemoawsadmins0001:member", entitlements);
        Assert.Contains("account:123456789012:Admin", entitlements);
        Assert.Contains("account:123456789012:Billing", entitlements);
        Assert.Contains("group:00gdemoawsadmins0001:member:user:00udemobob0000000002", grants);
        Assert.Contains("account:123456789012:Admin:group:00gdemoawsadmins0001", grants);
        Assert.Contains("account:123456789012:Billing:user:00udemoalice00000001", grants);
        Assert.All(grants, g => Assert.True(GrantId.TryParse(g, out _), g));
        Assert.All(entitlements, e => Assert.True(EntitlementId.TryParse(e, out _), e));
    }

    [Fact]
    public async Task RunAsync_RoleListRefused_RecordsAWarningAndStillSyncs()
    {
        var state = OrgFixture.Demo().ToState();
        state.Apps[state.AwsAppId!].RoleList.Status = 403;
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync();

        Assert.Contains(result.Warnings, w => w.Message.Contains("would not list the AWS roles", StringComparison.Ordinal));
        Assert.Equal(ExpectedAccess.From(state), harness.AccessRows());
    }

    [Fact]
    public async Task RunAsync_AppThatIsNotAws_RefusesNamingTheApp()
    {
        var state = OrgFixture.Demo().ToState();
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        var error = await Assert.ThrowsAsync<AwsAppException>(() => harness.SyncAsync(appId: "0oademobookmark00002"));

        Assert.Equal("App 0oademobookmark00002 ('Company wiki') is a 'bookmark' app, not the Amazon Web Services app (amazon_aws).", error.Message);
        Assert.False(File.Exists(harness.FilePath));
    }

    [Fact]
    public async Task RunAsync_UnknownAppId_SaysOktaHasNoSuchApp()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        using var harness = new SyncHarness(simulator);

        var error = await Assert.ThrowsAsync<AwsAppException>(() => harness.SyncAsync(appId: "0oanosuchapp"));

        Assert.StartsWith("Okta has no app with id 0oanosuchapp (404 E0000007)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InvalidGroupFilter_FailsWithAClearMessage()
    {
        var state = OrgGenerator.Generate(OrgShape.Small with { Mode = OktaSimulator.Fixtures.AwsAppMode.GroupMapping });
        state.Apps[state.AwsAppId!].SettingsApp!["groupFilter"] = "aws_(?{{accountid}}[0-9+_(?{{role}}.+)";
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        var error = await Assert.ThrowsAsync<AwsAppException>(() => harness.SyncAsync());

        Assert.Contains($"The AWS app {state.AwsAppId} has an unusable groupFilter", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"App '", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BadToken_FailsWith401AndNeverEchoesTheToken()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        using var harness = new SyncHarness(simulator);

        var error = await Assert.ThrowsAsync<OktaApiException>(() => harness.SyncAsync(token: "00Wrong-Token-Value"));

        Assert.True(error.IsUnauthorized);
        Assert.DoesNotContain("00Wrong-Token-Value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FailureMidway_LeavesThePreviousFileUntouchedAndTheNextRunStartsOver()
    {
        var state = OrgGenerator.Generate(OrgShape.Small);
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);
        await harness.SyncAsync();
        var before = await File.ReadAllBytesAsync(harness.FilePath);

        simulator.Faults.Install(new FaultPlan { ServerErrorEvery = 1, PathPrefix = "/api/v1/groups/" });
        var error = await Assert.ThrowsAsync<OktaException>(() => harness.SyncAsync(clientOptions: SyncHarness.FastRetries with { MaxRetries = 1 }));

        Assert.Contains("gave up after 2 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(harness.FilePath));
        Assert.True(File.Exists(harness.FilePath + ".partial"));

        simulator.Faults.Install(FaultPlan.None);
        await harness.SyncAsync();
        Assert.False(File.Exists(harness.FilePath + ".partial"));
        Assert.Equal(ExpectedAccess.From(state), harness.AccessRows());
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsCleanlyAndAResumeFinishesTheJob()
    {
        var state = OrgGenerator.Generate(OrgShape.Small);
        // The sixth request waits at the simulator's gate, and so does every one after it: the configuration is
        // read (three requests) and the lists are being fetched, so the partial file exists.
        await using var simulator = await TestSimulator.StartAsync(state, faults: new FaultPlan { HoldFrom = 6 });
        using var harness = new SyncHarness(simulator);
        using var cancel = new CancellationTokenSource();
        var sync = harness.SyncAsync(cancellationToken: cancel.Token);

        var held = simulator.Faults.WhenHeldAsync();
        Assert.Same(held, await Task.WhenAny(held, sync).WaitAsync(TimeSpan.FromSeconds(60)));
        await simulator.Requests.WhenCountAsync(5).WaitAsync(TimeSpan.FromSeconds(60));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sync);

        Assert.False(File.Exists(harness.FilePath));
        Assert.True(File.Exists(harness.FilePath + ".partial"));
        // Five answered before the cancel; whatever the sync sent from the sixth on was never answered.
        Assert.Equal(5, simulator.Requests.Entries.Count(e => e.Status == 200));
        simulator.Faults.Install(FaultPlan.None);
        var resumed = await harness.SyncAsync(o => o with { Resume = true });
        Assert.True(resumed.Resumed);
        Assert.Equal(ExpectedAccess.From(state), harness.AccessRows());
    }

    /// <summary>
    /// Pages at the client's page sizes for every list, plus the three configuration reads, plus the admin roles' four
    /// lists (groups with stats, role holders, custom roles, resource sets: one page each in an org without admin roles).
    /// </summary>
    private static long MinimumRequests(OrgState state)
    {
        var app = state.Apps[state.AwsAppId!];
        static long Pages(long count, int limit) => Math.Max(1, (count + limit - 1) / limit);
        return 3 + 4
            + Pages(state.AppUserIds(app).Count, OktaPageLimits.AppUsers)
            + Pages(app.GroupAssignments.Count, OktaPageLimits.AppGroups)
            + app.GroupAssignments.Keys.Sum(g => Pages(state.Groups[g].Members.Count, OktaPageLimits.GroupMembers));
    }

    private static List<string> Users(string path)
    {
        using var reader = SyncFileReader.Open(path);
        return [.. reader.Latest().DumpTable("resources").Where(r => r.StartsWith("user|", StringComparison.Ordinal))];
    }
}
