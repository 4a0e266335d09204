using System.Globalization;
using System.Text.Json.Nodes;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;

namespace BatonOktaAws.Core.Tests.Sync;

/// <summary>Deriving access end to end where its shortcuts could show: combinations worked out once, and forgotten.</summary>
public sealed class DeriveAccessSyncTests
{
    private const string App = "0oaderivecacheaws001";
    private const string Account = "444455556666";

    /// <summary>
    /// Each distinct profile and combination of groups is worked out once and kept up to 4,096 of them; an org where
    /// more users differ than that starts over. Every user must still get exactly their own roles, before and after.
    /// </summary>
    [Fact]
    public async Task RunAsync_MoreDistinctDirectProfilesThanKept_GivesEveryUserTheirOwnRoles()
    {
        const int users = 4_500;
        var fixture = new OrgFixture
        {
            Groups = [new FixtureGroup { Id = "00gderivecachegrp001", Name = "Everyone", Members = [] }],
            Apps =
            [
                new FixtureApp
                {
                    Id = App,
                    SettingsApp = new JsonObject { ["identityProviderArn"] = $"arn:aws:iam::{Account}:saml-provider/Okta", ["joinAllRoles"] = true },
                },
            ],
        };
        fixture.Apps[0].GroupAssignments.Add(new FixtureGroupAssignment { GroupId = "00gderivecachegrp001", Priority = 0, SamlRoles = ["Shared"] });
        var expected = new List<ExpectedRow>();
        for (var i = 0; i < users; i++)
        {
            var id = "00uderivecache" + i.ToString("D6", CultureInfo.InvariantCulture);
            var login = $"user{i}@derive.example";
            var role = "Role" + i.ToString(CultureInfo.InvariantCulture);
            fixture.Users.Add(new FixtureUser { Id = id, Login = login });
            fixture.Apps[0].UserAssignments.Add(new FixtureUserAssignment { UserId = id, SamlRoles = [role] });
            expected.Add(new(id, login, "ACTIVE", Account, role, "direct", App));
            if (i % 2 == 0)
            {
                // Every other user also holds the group's role (joinAllRoles): combinations of own roles and groups.
                fixture.Groups[0].Members.Add(id);
                expected.Add(new(id, login, "ACTIVE", Account, "Shared", "group:00gderivecachegrp001", App));
            }
        }

        await using var simulator = await TestSimulator.StartAsync(fixture.ToState());
        using var harness = new SyncHarness(simulator);

        await harness.SyncAsync(appId: App);

        Assert.Equal(ExpectedAccess.Normalize(expected), harness.AccessRows());
    }
}
