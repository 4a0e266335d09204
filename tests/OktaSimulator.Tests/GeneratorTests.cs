using System.Text.Json;
using OktaSimulator.Fixtures;
using OktaSimulator.Model;

namespace OktaSimulator.Tests;

public sealed class GeneratorTests
{
    /// <summary>
    /// Fingerprints of the presets as the benchmarks measured them (taken before several apps, admin roles and
    /// fake AWS API credentials were added to the generator; the credentials are left out of the fingerprint).
    /// </summary>
    [Theory]
    [InlineData("S", "A664B53BCDC8ABF351A17792D03278128E32CA61CA5A643D12C663738D307712")]
    [InlineData("M", "1273F5416F495ED723FC0790F71CF3D8E18EAB1E9A2F54D93105064C993068D0")]
    [InlineData("L", "67ADBB55064B6958E89626A8895AD5BC9111D3FAEC6A0E82BB56DD915DC68773")]
    public void Generate_Preset_IsTheOrgTheBenchmarksWereMeasuredAgainst(string preset, string fingerprint)
    {
        var state = OrgGenerator.Generate(OrgShape.Named(preset));

        Assert.Equal(fingerprint, OrgFingerprint.Of(state));
    }

    [Fact]
    public void Generate_OneAppVariants_AreTheOrgsTheyWereBeforeSeveralApps()
    {
        var groupMapping = OrgGenerator.Generate(OrgShape.Small with { Mode = AwsAppMode.GroupMapping });
        var unionJoin = OrgGenerator.Generate(OrgShape.Small with { JoinAllRoles = true, SamlRolesUnion = true, Seed = 7 });

        Assert.Equal("A40938B9C03F92D1DB7A54DB4194C5C564CA437630237D1273EAF3CFDE4D3FC2", OrgFingerprint.Of(groupMapping));
        Assert.Equal("F20FA63AB6F61120C9DFDC957A0F23E21712C3116BB35176739F5E2C1F599678", OrgFingerprint.Of(unionJoin));
    }

    /// <summary>S spread over ten AWS apps with five other apps and twelve admin role holders.</summary>
    private static OrgShape Estate => OrgShape.Small with { AwsApps = 10, NonAwsApps = 5, AdminRoleHolders = 12 };

    [Fact]
    public void Generate_SeveralAwsApps_SpreadsTheAppUsersOverThemAll()
    {
        var state = OrgGenerator.Generate(Estate);

        Assert.Equal(10, state.AwsAppIds.Count);
        Assert.Equal(OrgGenerator.AwsAppId, state.AwsAppId);
        var perApp = state.AwsAppIds.Select(id => state.AppUserIds(state.Apps[id])).ToList();
        Assert.All(perApp, users => Assert.NotEmpty(users));
        Assert.Equal(Estate.AppUsers, perApp.SelectMany(u => u).Distinct(StringComparer.Ordinal).Count());
        Assert.True(perApp.Max(u => u.Count) < Estate.AppUsers, "no single app should hold every app user");
    }

    [Fact]
    public void Generate_SeveralAwsApps_MixesSingleAccountAppsWithEveryFifthGroupMappingApp()
    {
        var state = OrgGenerator.Generate(Estate);

        var settings = state.AwsAppIds.Select(id => state.Apps[id].SettingsApp!).ToList();
        var mapping = settings.Select((s, i) => (s["useGroupMapping"]!.GetValue<bool>(), i)).Where(x => x.Item1).Select(x => x.i);
        Assert.Equal([4, 9], mapping);
        var accounts = settings.Where(s => !s["useGroupMapping"]!.GetValue<bool>()).Select(s => s["identityProviderArn"]!.GetValue<string>()).ToList();
        Assert.Equal(8, accounts.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("arn:aws:iam::123456789012:saml-provider/Okta", accounts);
        Assert.All(settings, s => Assert.StartsWith("AKIA", s["accessKey"]!.GetValue<string>(), StringComparison.Ordinal));
        var groupMappingApp = state.Apps[state.AwsAppIds[4]];
        Assert.Contains(groupMappingApp.GroupAssignments.Keys, id => state.Groups[id].Name.StartsWith("aws_", StringComparison.Ordinal));
        Assert.All(groupMappingApp.GroupAssignments.Values, a => Assert.Empty(a.Profile));
    }

    [Fact]
    public void Generate_SeveralAwsApps_AssignsSomeGroupsToSeveralApps()
    {
        var state = OrgGenerator.Generate(Estate);

        var appsPerGroup = state.AwsAppIds.SelectMany(id => state.Apps[id].GroupAssignments.Keys).GroupBy(g => g, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        Assert.Contains(appsPerGroup.Values, count => count >= 3);
        Assert.True(appsPerGroup.Values.Count(count => count >= 2) >= 3);
    }

    [Fact]
    public void Generate_OtherApps_AddsADirectoryThatSomeGroupsComeFromAndAppsWithAssignments()
    {
        var state = OrgGenerator.Generate(Estate);

        var others = state.SortedAppIds.Select(id => state.Apps[id]).Where(a => !a.IsAws).ToList();
        Assert.Equal(["active_directory", "bookmark", "office365", "slack", "zoomus"], others.Select(a => a.Name));
        var directory = others[0];
        var imported = state.Groups.Values.Where(g => g.SourceAppId == directory.Id).ToList();
        Assert.NotEmpty(imported);
        Assert.All(imported, g => Assert.Equal(GroupType.AppGroup, g.Type));
        Assert.Contains(imported, g => state.AwsAppIds.Any(id => state.Apps[id].GroupAssignments.ContainsKey(g.Id)));
        Assert.All(others.Skip(1), a => Assert.Equal(2, a.GroupAssignments.Count));
    }

    [Fact]
    public void Generate_AdminRoleHolders_GivesUsersAndAGroupStandardAndCustomRoles()
    {
        var state = OrgGenerator.Generate(Estate);

        var roles = state.AdminRoles;
        Assert.Equal(11, roles.UsersWithOwnAssignments().Count);
        Assert.Contains(roles.Standard, r => r.Type == AdminRoleType.SuperAdmin);
        Assert.Contains(roles.Standard, r => r.Type == AdminRoleType.AppAdmin && r.AppTargets.Any(t => t.AppId is null));
        Assert.Contains(roles.Standard, r => r.Type == AdminRoleType.AppAdmin && !r.Assignee.IsUser);
        Assert.Equal(2, roles.ResourceSets[EstateBuilder.ResourceSetId].Bindings[EstateBuilder.CustomRoleId].Count);
    }

    [Fact]
    public void Generate_SameEstateTwice_GivesTheSameOrg()
    {
        var a = OrgGenerator.Generate(Estate);
        var b = OrgGenerator.Generate(Estate);

        Assert.Equal(OrgFingerprint.Of(a), OrgFingerprint.Of(b));
        Assert.Equal(
            a.AdminRoles.Standard.Select(r => (r.Id, r.Type, r.Assignee.Id)),
            b.AdminRoles.Standard.Select(r => (r.Id, r.Type, r.Assignee.Id)));
    }

    [Fact]
    public void Generate_L20_IsLargeOverTwentyAwsAppsWithTheSameUsers()
    {
        var large = OrgGenerator.Generate(OrgShape.Large);
        var l20 = OrgGenerator.Generate(OrgShape.Named("L20"));

        Assert.Equal(20, l20.AwsAppIds.Count);
        Assert.Equal(5, l20.Apps.Count - 20);
        Assert.Equal(large.SortedUserIds, l20.SortedUserIds);
        Assert.Equal(60_000, l20.AwsAppIds.SelectMany(id => l20.AppUserIds(l20.Apps[id])).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(4, l20.AwsAppIds.Count(id => l20.Apps[id].SettingsApp!["useGroupMapping"]!.GetValue<bool>()));
        Assert.Equal(11, l20.AdminRoles.UsersWithOwnAssignments().Count);
    }

    [Fact]
    public async Task ListApps_GeneratedEstate_ServesEveryAppAndFiltersTheAwsOnes()
    {
        await using var sim = await SimulatorSession.StartAsync(OrgGenerator.Generate(Estate));

        var (all, _) = await sim.GetAllPagesAsync("/api/v1/apps");
        var (aws, _) = await sim.GetAllPagesAsync("/api/v1/apps?filter=" + Uri.EscapeDataString("name eq \"amazon_aws\""));

        Assert.Equal(15, all.Count);
        Assert.Equal(sim.State.AwsAppIds.Order(StringComparer.Ordinal), aws.Select(a => a.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task GetApp_GeneratedAwsApp_ServesFakeAwsApiCredentialsInSettingsApp()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small());

        using var app = JsonDocument.Parse(await sim.Http.GetStringAsync(new Uri($"/api/v1/apps/{sim.State.AwsAppId}", UriKind.Relative)));

        var settings = app.RootElement.GetProperty("settings").GetProperty("app");
        var expected = FakeAwsApiCredentials.For(sim.State.AwsAppId!);
        Assert.Matches("^AKIA[A-Z2-7]{16}$", settings.GetProperty("accessKey").GetString());
        Assert.Equal(expected.AccessKey, settings.GetProperty("accessKey").GetString());
        Assert.Equal(40, settings.GetProperty("secretKey").GetString()!.Length);
        Assert.Equal(expected.SecretKey, settings.GetProperty("secretKey").GetString());
        Assert.Equal(expected.SecretKeyEnc, settings.GetProperty("secretKeyEnc").GetString());
    }

    [Fact]
    public void FakeAwsApiCredentials_DifferentApps_GetDifferentStableValues()
    {
        var a = FakeAwsApiCredentials.For("0oagenaws00000000001");
        var again = FakeAwsApiCredentials.For("0oagenaws00000000001");
        var b = FakeAwsApiCredentials.For("0oagenaws00000000002");

        Assert.Equal(a, again);
        Assert.NotEqual(a.AccessKey, b.AccessKey);
        Assert.NotEqual(a.SecretKey, b.SecretKey);
    }
}
