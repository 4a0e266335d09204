using BatonOktaAws.Core.Aws;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;

namespace BatonOktaAws.Core.Tests.Sync;

/// <summary>Every AWS app of the org in one sync, against the bundled demo estate.</summary>
public sealed class MultiAppSyncTests
{
    private const string Prod = "0oademoaws0000000001";
    private const string Staging = "0oademoaws0000000002";
    private const string Mapping = "0oademoaws0000000003";
    private const string Retired = "0oademoaws0000000004";
    private const string Developers = "00gdemoawsdevs000002";

    /// <summary>
    /// The demo estate's access written out by hand from Okta's documented rules (docs/aws-access.md), not computed:
    /// production (priority semantics, direct wins), staging (joinAllRoles; a group with only a default role),
    /// group mapping (appFilter okta,active_directory; a name whose account is not 12 digits is ignored). The
    /// INACTIVE sandbox app is not read.
    /// </summary>
    public static readonly ExpectedRow[] DemoAccess =
    [
        // Production, 123456789012: a direct assignment wins over alice's group (no joinAllRoles) ...
        new("00udemoalice00000001", "alice@acme.example", "ACTIVE", "123456789012", "Billing", "direct", Prod),
        // ... and bob's AWS Admins (priority 0) beats his AWS Developers (priority 1).
        new("00udemobob0000000002", "bob@acme.example", "ACTIVE", "123456789012", "Admin", "group:00gdemoawsadmins0001", Prod),
        new("00udemocarol00000003", "carol@acme.example", "ACTIVE", "123456789012", "Developer", "group:" + Developers, Prod),
        new("00udemocarol00000003", "carol@acme.example", "ACTIVE", "123456789012", "ReadOnly", "group:" + Developers, Prod),
        new("00udemodave000000004", "dave@acme.example", "SUSPENDED", "123456789012", "Developer", "group:" + Developers, Prod),
        new("00udemodave000000004", "dave@acme.example", "SUSPENDED", "123456789012", "ReadOnly", "group:" + Developers, Prod),
        new("00udemoerin000000005", "erin@acme.example", "ACTIVE", "123456789012", "Auditor", "group:00gdemoawsaudit00003", Prod),
        new("00udemofrank00000006", "frank@acme.example", "DEPROVISIONED", "123456789012", "Developer", "group:" + Developers, Prod),
        new("00udemofrank00000006", "frank@acme.example", "DEPROVISIONED", "123456789012", "ReadOnly", "group:" + Developers, Prod),
        new("00udemoheidi00000008", "heidi@acme.example", "ACTIVE", "123456789012", "ReadOnly", "direct", Prod),

        // Staging, 210987654321, joinAllRoles: a direct user also gets every assigned group's roles; Staging Ops has
        // only the default role ReadOnly, which is reported (the conservative reading).
        new("00udemoivan000000009", "ivan@acme.example", "ACTIVE", "210987654321", "Developer", "direct", Staging),
        new("00udemoivan000000009", "ivan@acme.example", "ACTIVE", "210987654321", "ReadOnly", "group:00gdemostageops00007", Staging),
        new("00udemojudy000000010", "judy@acme.example", "ACTIVE", "210987654321", "Deployer", "direct", Staging),
        new("00udemobob0000000002", "bob@acme.example", "ACTIVE", "210987654321", "Developer", "group:" + Developers, Staging),
        new("00udemocarol00000003", "carol@acme.example", "ACTIVE", "210987654321", "Developer", "group:" + Developers, Staging),
        new("00udemodave000000004", "dave@acme.example", "SUSPENDED", "210987654321", "Developer", "group:" + Developers, Staging),
        new("00udemofrank00000006", "frank@acme.example", "DEPROVISIONED", "210987654321", "Developer", "group:" + Developers, Staging),
        new("00udemograce00000007", "grace@acme.example", "ACTIVE", "210987654321", "ReadOnly", "group:00gdemostageops00007", Staging),

        // Group mapping: grace (assigned through Engineering) is in aws_123456789012_ReadOnly; heidi (assigned
        // directly) is in the Active Directory group aws_555555555555_Billing, a source the appFilter allows.
        new("00udemograce00000007", "grace@acme.example", "ACTIVE", "123456789012", "ReadOnly", "group:00gdemomapread000008", Mapping),
        new("00udemoheidi00000008", "heidi@acme.example", "ACTIVE", "555555555555", "Billing", "group:00gdemomapbill000009", Mapping),
    ];

    [Fact]
    public async Task RunAsync_AllApps_WritesTheDocumentedAccessOfEveryActiveAwsAppAndNothingElse()
    {
        var state = OrgFixture.Demo().ToState();
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync(appId: "all");

        Assert.Equal(ExpectedAccess.Normalize(DemoAccess), harness.AccessRows());
        Assert.Equal(ExpectedAccess.FromAllApps(state), harness.AccessRows());
        Assert.Equal([Prod, Staging, Mapping], result.Apps.Select(a => a.AppId).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(simulator.Requests.Entries, e => e.Path.Contains(Retired, StringComparison.Ordinal) || e.Path.Contains("0oademobookmark00002", StringComparison.Ordinal));
        Assert.Equal(3, result.Counts.Accounts);
        Assert.Equal(DemoAccess.Length, result.Counts.AccessRows);
    }

    [Fact]
    public async Task RunAsync_AllApps_DiscoversWithOneFilteredListAndReadsASharedGroupOnce()
    {
        var state = OrgFixture.Demo().ToState();
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync(appId: "all");

        var entries = simulator.Requests.Entries;
        var discovery = Assert.Single(entries, e => e.Path == "/api/v1/apps");
        Assert.Contains(Uri.EscapeDataString("name eq \"amazon_aws\""), discovery.Query, StringComparison.Ordinal);
        Assert.Single(entries, e => e.Path == $"/api/v1/groups/{Developers}/users");
        Assert.DoesNotContain(entries, e => e.Path.StartsWith("/api/v1/apps/", StringComparison.Ordinal) && e.Path.Count(c => c == '/') == 4);

        // 1 discovery page + 3 apps × (schema, role list, users page, groups page) + 1 mapped-group list + 6 distinct groups' members,
        // and the admin roles: groups with stats, role holders, their 4 role lists and 1 user search, custom roles and
        // the 1 role's permissions, resource sets and the 1 set's resources, bindings and binding members.
        Assert.Equal(1 + (3 * 4) + 1 + 6 + (1 + 1 + 4 + 1) + (1 + 1) + (1 + 3), result.Requests);
        Assert.Equal(result.Requests, simulator.Requests.Count);
    }

    [Fact]
    public async Task RunAsync_SeveralNamedApps_ReadsThemAndWarnsAboutAnInactiveOne()
    {
        var state = OrgFixture.Demo().ToState();
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync(appId: $"{Staging},{Retired}");

        Assert.Equal([Staging, Retired], result.Apps.Select(a => a.AppId));
        var warning = Assert.Single(result.Warnings, w => w.Code == "inactive-app");
        Assert.Equal(Retired, warning.AppId);
        Assert.Contains("INACTIVE: nobody can sign in to AWS through it now", warning.Message, StringComparison.Ordinal);
        Assert.Contains(harness.AccessRows(), r => r is { AppId: Retired, UserId: "00udemograce00000007", Role: "Admin", AccountId: "999999999999" });
    }

    [Theory]
    [InlineData("0oademobookmark00002", "App 0oademobookmark00002 ('Company wiki') is a 'bookmark' app, not the Amazon Web Services app (amazon_aws).")]
    [InlineData("0oanosuchapp", "Okta has no app with id 0oanosuchapp (404 E0000007)")]
    public async Task RunAsync_NamedAppsWithOneThatIsNotAws_RefusesNamingIt(string bad, string message)
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        using var harness = new SyncHarness(simulator);

        var error = await Assert.ThrowsAsync<AwsAppException>(() => harness.SyncAsync(appId: $"{Prod},{bad}"));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(harness.FilePath));
    }

    [Fact]
    public async Task RunAsync_OneAppMisconfigured_FailsNamingTheAppAndKeepsThePreviousFile()
    {
        var state = OrgFixture.Demo().ToState();
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);
        await harness.SyncAsync(appId: "all");
        var before = await File.ReadAllBytesAsync(harness.FilePath);

        // An invalid groupFilter on one app fails the whole sync, naming that app — never a file without it.
        state.Apps[Mapping].SettingsApp!["groupFilter"] = "aws_(?{{accountid}}[0-9+_(?{{role}}.+)";
        var error = await Assert.ThrowsAsync<AwsAppException>(() => harness.SyncAsync(appId: "all"));

        Assert.StartsWith("App 'Amazon Web Services (all accounts, group mapping)' (0oademoaws0000000003): ", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(harness.FilePath));
    }

    [Fact]
    public async Task RunAsync_SameRoleThroughTwoApps_GivesTwoRowsOneGrant()
    {
        var state = OrgFixture.Demo().ToState();

        // A second app for the production account hands bob Admin as well: two paths to revoke.
        state.Apps[Staging].SettingsApp!["identityProviderArn"] = "arn:aws:iam::123456789012:saml-provider/Okta";
        state.AssignUser(Staging, "00udemobob0000000002", OktaSimulator.Model.SamlRoles.Profile(["Admin"]));
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        await harness.SyncAsync(appId: "all");

        var bobAdmin = harness.AccessRows().Where(r => r is { UserId: "00udemobob0000000002", AccountId: "123456789012", Role: "Admin" }).ToList();
        Assert.Equal([Prod, Staging], bobAdmin.Select(r => r.AppId).Order(StringComparer.Ordinal));
        using var reader = SyncFileReader.Open(harness.FilePath);
        Assert.Single(reader.Latest().Grants(), g => g.Id == "account:123456789012:Admin:user:00udemobob0000000002");
    }

    [Fact]
    public async Task RunAsync_GeneratedEstateOfManyApps_MatchesTheOracleWithNearMinimumRequests()
    {
        var state = OrgGenerator.Generate(OrgShape.Small with { AwsApps = 6 });
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);

        var result = await harness.SyncAsync(appId: "all");

        Assert.Equal(ExpectedAccess.FromAllApps(state), harness.AccessRows());
        Assert.Equal(harness.AccessRows().Count, result.Counts.AccessRows);
        Assert.Equal(6, result.Apps.Count);
        Assert.Contains(result.Apps, a => a.Mode == "group-mapping");
        Assert.InRange(result.Requests, MinimumRequests(state), MinimumRequests(state) + 2);
    }

    /// <summary>
    /// The minimum: discovery pages, each app's two configuration reads and its user and group pages, one member
    /// list per distinct group; and the admin role lists (role holders, custom roles, resource sets), one page each in an
    /// org where nobody holds an admin role (the generated org).
    /// </summary>
    private static long MinimumRequests(OktaSimulator.Model.OrgState state)
    {
        static long Pages(long count, int limit) => Math.Max(1, (count + limit - 1) / limit);
        var apps = state.AwsAppIds.Select(id => state.Apps[id]).Where(a => a.Status == "ACTIVE").ToList();
        var mapping = apps.Where(a => a.SettingsApp?["useGroupMapping"]?.GetValue<bool>() == true).ToList();
        var groupsToRead = new HashSet<string>(StringComparer.Ordinal);
        foreach (var app in apps.Except(mapping))
        {
            groupsToRead.UnionWith(app.GroupAssignments.Keys);
        }

        foreach (var app in mapping)
        {
            var filter = AwsGroupFilter.Parse(app.SettingsApp!["groupFilter"]!.GetValue<string>());
            groupsToRead.UnionWith(state.Groups.Values.Where(g => filter.Match(g.Name) is not null).Select(g => g.Id));
        }

        var mappedLists = mapping.Count == 0 ? 0 : 1;
        const int adminRoleLists = 3;
        return adminRoleLists + Pages(state.Apps.Values.Count(a => a.IsAws), 200)
            + apps.Sum(a => 2 + Pages(state.AppUserIds(a).Count, 500) + Pages(a.GroupAssignments.Count, 200))
            + mappedLists
            + groupsToRead.Sum(g => Pages(state.Groups[g].Members.Count, 1000));
    }
}
