using System.Text.Json;
using System.Text.Json.Nodes;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;
using OktaSimulator.Model;

namespace BatonOktaAws.Cli.Tests.C1z;

/// <summary>
/// sync → c1z → independent decode (zstd, sqlite3, protoc) → the same answer as <c>access --output json</c>: every
/// (user, account, role), each path's source and app, and group grants marked expandable only where expanding them
/// over-grants nobody. For the demo estate and for a generated org with several apps, two of them for one account.
/// </summary>
public sealed class C1zRoundTripTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public C1zRoundTripTests() => DecodedC1z.EnsureTools();

    private const string Auditors = "00gdemoawsaudit00003";

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task SyncWithC1z_DemoEstate_DecodesToTheAccessAnswerWithItsSourcesAndApps()
    {
        var state = OrgFixture.Demo().ToState();

        // A group holding an admin role, which Okta gives to each of its members.
        state.AdminRoles.AddStandard(new SimRoleAssignment { Id = "ratestgroupaudit0001", Type = "READ_ONLY_ADMIN", Assignee = RoleAssignee.ForGroup(Auditors), Created = DateTimeOffset.UnixEpoch });
        var (c1z, access) = await SyncAsync(state, viaExport: false);

        Assert.Equal(MultiAppDemo.AccessRows, access.Count);
        AssertSameAccess(c1z, access, state);
        AssertExpansionsOverGrantNobody(c1z, state);
        AssertUsersAndEntitlements(c1z, state);
        Assert.Equal(
            ["account:210987654321:Developer:group:00gdemoawsdevs000002", "account:210987654321:ReadOnly:group:00gdemostageops00007"],
            c1z.Expansions.Keys.Where(id => id.StartsWith("account:", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        // Okta gives a group's admin role to every member: the group's grant expands (and, checked above, its members'
        // grants say through which group).
        Assert.Equal(
            [$"role:READ_ONLY_ADMIN:assigned:group:{Auditors}"],
            c1z.Expansions.Keys.Where(id => id.StartsWith("role:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Export_GeneratedOrgWithSeveralApps_DecodesToTheAccessAnswerWithItsSourcesAndApps()
    {
        var state = OrgGenerator.Generate(OrgShape.Medium with { AwsApps = 5, NonAwsApps = 1 });
        AddTwinApp(state);
        var (c1z, access) = await SyncAsync(state, viaExport: true);

        Assert.True(access.Count > 1_000, $"only {access.Count} access rows");
        Assert.Contains(access.GroupBy(r => (r.UserId, r.AccountId, r.Role)), g => g.Select(r => r.AppId).Distinct().Count() > 1);
        Assert.Contains(access.Select(r => r.AppId).Distinct(), app => IsGroupMapping(state.Apps[app]));
        AssertSameAccess(c1z, access, state);
        AssertExpansionsOverGrantNobody(c1z, state);
        AssertUsersAndEntitlements(c1z, state);
        Assert.Contains(c1z.Expansions.Keys, id => id.StartsWith("account:", StringComparison.Ordinal));
    }

    /// <summary>Syncs every AWS app through the command line, writes the c1z (sync --c1z or export) and asks access.</summary>
    private async Task<(DecodedC1z C1z, IReadOnlyList<ExpectedRow> Access)> SyncAsync(OrgState state, bool viaExport)
    {
        await using var simulator = await TestSimulator.StartAsync(state);
        var file = _temp.File("sync.db");
        var c1zPath = _temp.File("sync.c1z");
        var variables = CliRun.Variables(simulator, file);
        variables["BATON_AWS_OKTA_APP_ID"] = "all";
        var sync = viaExport ? await CliRun.RunAsync(variables, "sync") : await CliRun.RunAsync(variables, "sync", "--c1z", c1zPath);
        Assert.True(sync.ExitCode == 0, sync.All);
        if (viaExport)
        {
            var export = await CliRun.RunAsync(null, "export", "--file", file, "--format", "c1z", "--out", c1zPath);
            Assert.True(export.ExitCode == 0, export.All);
        }

        var access = await CliRun.RunAsync(null, "access", "--file", file, "--output", "json");
        Assert.Equal(0, access.ExitCode);
        var rows = ExpectedAccess.ParseJson(access.Out);
        Assert.Equal(ExpectedAccess.FromAllApps(state), rows);
        var decoded = DecodedC1z.Read(c1zPath, _temp.File("decoded"));
        AssertNoSecrets(_temp.File("decoded"), state);
        return (decoded, rows);
    }

    private static void AssertSameAccess(DecodedC1z c1z, IReadOnlyList<ExpectedRow> access, OrgState state)
    {
        var slugs = c1z.Entitlements.ToDictionary(row => row.Column("external_id"), row => row.Data.String("slug")!, StringComparer.Ordinal);
        var fromC1z = new Dictionary<(string User, string Account, string Role), (SortedSet<string> Sources, SortedSet<string> Apps)>();
        foreach (var grant in c1z.Grants.Where(g => g.Column("resource_type_id") == "account" && g.Column("principal_resource_type_id") == "user"))
        {
            var entitlementId = grant.Column("entitlement_id");
            var user = grant.Column("principal_resource_id");
            Assert.Equal($"{entitlementId}:user:{user}", grant.Column("external_id"));
            Assert.Equal(grant.Column("external_id"), grant.Data.String("id"));
            Assert.Equal(entitlementId, grant.Data.One("entitlement")!.String("id"));
            Assert.Equal(user, grant.Data.One("principal")!.One("id")!.String("resource"));

            var sources = grant.Data.One("sources")?.All("sources").ToList() ?? [];
            var paths = new SortedSet<string>(StringComparer.Ordinal);
            var apps = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var source in sources)
            {
                var key = source.String("key")!;
                var isDirect = source.One("value")?.Scalar("is_direct") == "true";
                var parts = key.Split(':');
                if (key == entitlementId)
                {
                    paths.Add("direct");
                    Assert.True(isDirect);
                }
                else if (parts is ["group", var group, "member"])
                {
                    paths.Add("group:" + group);
                    Assert.True(isDirect, "Okta has no nested groups: membership is always direct");
                }
                else if (parts is ["app", var app, "access"])
                {
                    apps.Add(app);
                    Assert.Equal(state.Apps[app].DirectAssignments.ContainsKey(user), isDirect);
                }
                else
                {
                    Assert.Fail($"unexpected source {key} on {grant.Column("external_id")}");
                }
            }

            var immutable = grant.Data.All("annotations").Any(a => a.String("type_url") == "type.googleapis.com/c1.connector.v2.GrantImmutable");
            Assert.Equal(!paths.Contains("direct"), immutable);
            fromC1z.Add((user, grant.Column("resource_id"), slugs[entitlementId]), (paths, apps));
        }

        var fromAccess = access
            .GroupBy(r => (r.UserId, r.AccountId, r.Role))
            .ToDictionary(
                g => g.Key,
                g => (new SortedSet<string>(g.Select(r => r.Source), StringComparer.Ordinal), new SortedSet<string>(g.Select(r => r.AppId), StringComparer.Ordinal)));
        Assert.Equal(fromAccess.Keys.Order(), fromC1z.Keys.Order());
        foreach (var (key, (sources, apps)) in fromAccess)
        {
            Assert.Equal(sources, fromC1z[key].Sources);
            Assert.Equal(apps, fromC1z[key].Apps);
        }
    }

    /// <summary>
    /// What Baton's expander would add for each expandable grant — the grant's entitlement for every member of the
    /// group — must already be there, through that group: expansion over-grants nobody. Account roles are expandable
    /// only through single-account apps that join or combine group roles.
    /// </summary>
    private static void AssertExpansionsOverGrantNobody(DecodedC1z c1z, OrgState state)
    {
        var grants = c1z.Grants.ToDictionary(g => g.Column("external_id"), StringComparer.Ordinal);
        foreach (var grant in c1z.Grants)
        {
            var id = grant.Column("external_id");
            var expandable = c1z.Expansions.TryGetValue(id, out var expansion);
            Assert.Equal(expandable ? "1" : "0", grant.Columns.GetProperty("needs_expansion").ToString());
            if (!expandable)
            {
                continue;
            }

            var group = grant.Column("principal_resource_id");
            Assert.Equal("group", grant.Column("principal_resource_type_id"));
            Assert.Equal([$"group:{group}:member"], expansion!.All("entitlement_ids").Select(e => JsonSerializer.Deserialize<string>(e.Value!)));
            var entitlementId = grant.Column("entitlement_id");
            foreach (var member in state.Groups[group].Members)
            {
                Assert.True(grants.ContainsKey($"group:{group}:member:user:{member}"), $"membership of {member} in {group} is missing");
                Assert.True(grants.TryGetValue($"{entitlementId}:user:{member}", out var held), $"expanding {id} would give {member} what they do not hold");
                Assert.Contains(held.Data.One("sources")!.All("sources"), s => s.String("key") == $"group:{group}:member");
            }

            if (grant.Column("resource_type_id") == "account")
            {
                var account = grant.Column("resource_id");
                Assert.Contains(state.Apps.Values, app => app.IsAws && app.GroupAssignments.ContainsKey(group) && !IsGroupMapping(app)
                    && app.SettingsApp!["identityProviderArn"]!.GetValue<string>().Contains(account, StringComparison.Ordinal)
                    && ((app.SettingsApp["joinAllRoles"]?.GetValue<bool>() ?? false) || app.SamlRolesUnion));
            }
        }
    }

    private static void AssertUsersAndEntitlements(DecodedC1z c1z, OrgState state)
    {
        var run = Assert.Single(c1z.SyncRuns);
        Assert.Equal("full", run.GetProperty("sync_type").GetString());
        Assert.Equal(JsonValueKind.String, run.GetProperty("ended_at").ValueKind);
        Assert.Equal(["user", "group", "account", "app", "role"], c1z.ResourceTypes.Select(t => t.Column("external_id")));
        Assert.All(c1z.Resources, row => Assert.Equal(run.GetProperty("sync_id").GetString(), row.Column("sync_id")));

        Assert.NotEmpty(c1z.UserTraits);
        foreach (var (id, trait) in c1z.UserTraits)
        {
            var user = state.Users[id];
            Assert.Equal(user.Login, trait.String("login"));
            var primary = Assert.Single(trait.All("emails"), e => e.Scalar("is_primary") == "true");
            Assert.Equal(user.Email, primary.String("address"));
            Assert.Equal(
                user.Status switch
                {
                    "STAGED" or "SUSPENDED" or "DEPROVISIONED" => "STATUS_DISABLED",
                    _ => "STATUS_ENABLED",
                },
                trait.One("status")!.Scalar("status"));
        }

        foreach (var row in c1z.Entitlements)
        {
            var id = row.Column("external_id");
            var (type, resource, slug) = (row.Column("resource_type_id"), row.Column("resource_id"), row.Data.String("slug"));
            Assert.Equal($"{type}:{resource}:{slug}", id);
            Assert.Equal(id, row.Data.String("id"));
            var (purpose, name) = type switch
            {
                "account" => ("PURPOSE_VALUE_PERMISSION", $"{slug} in {resource}"),
                "group" => ("PURPOSE_VALUE_ASSIGNMENT", $"{state.Groups[resource].Name} member"),
                "role" => ("PURPOSE_VALUE_ASSIGNMENT", Assert.Single(c1z.Resources, r => r.Column("resource_type_id") == "role" && r.Column("external_id") == $"role:{resource}").Data.String("display_name") + " (Okta admin role)"),
                _ => ("PURPOSE_VALUE_ASSIGNMENT", $"{state.Apps[resource].Label} access"),
            };
            Assert.Equal((purpose, name), (row.Data.Scalar("purpose"), row.Data.String("display_name")));
        }
    }

    /// <summary>Neither the API token nor any app's AWS API keys (Okta serves them in the app's settings) are anywhere in the c1z's database.</summary>
    private static void AssertNoSecrets(string decoded, OrgState state)
    {
        var database = File.ReadAllText(Path.Combine(decoded, "c1z.db"), System.Text.Encoding.Latin1);
        Assert.DoesNotContain(TestSimulator.Token, database, StringComparison.Ordinal);
        foreach (var app in state.Apps.Values.Where(a => a.IsAws))
        {
            var keys = FakeAwsApiCredentials.For(app.Id);
            if (app.Status == AppStatus.Active)
            {
                Assert.Contains(app.Id, database, StringComparison.Ordinal);
            }

            Assert.DoesNotContain(keys.AccessKey, database, StringComparison.Ordinal);
            Assert.DoesNotContain(keys.SecretKey, database, StringComparison.Ordinal);
        }
    }

    private static bool IsGroupMapping(SimApp app) => app.SettingsApp?["useGroupMapping"]?.GetValue<bool>() ?? false;

    /// <summary>A second app for the first app's account that joins all roles, sharing some of its groups and direct users.</summary>
    private static void AddTwinApp(OrgState state)
    {
        var first = state.Apps[state.AwsAppIds[0]];
        var twin = new SimApp
        {
            Id = "0oatwinaws0000000001",
            Label = "AWS (same account, joins all roles)",
            Created = first.Created,
            LastUpdated = first.LastUpdated,
            SettingsApp = (JsonObject)first.SettingsApp!.DeepClone(),
            RoleList = first.RoleList,
        };
        twin.SettingsApp["joinAllRoles"] = true;
        foreach (var assignment in first.GroupAssignments.Values.Take(4))
        {
            twin.GroupAssignments[assignment.GroupId] = new SimAppGroupAssignment
            {
                GroupId = assignment.GroupId,
                Priority = assignment.Priority,
                Profile = (JsonObject)assignment.Profile.DeepClone(),
                LastUpdated = assignment.LastUpdated,
            };
        }

        foreach (var assignment in first.DirectAssignments.Values.Take(20))
        {
            twin.DirectAssignments[assignment.UserId] = new SimAppUserAssignment
            {
                UserId = assignment.UserId,
                Profile = (JsonObject)assignment.Profile.DeepClone(),
                Created = assignment.Created,
                LastUpdated = assignment.LastUpdated,
            };
        }

        state.AddApp(twin);
    }
}
