using OktaSimulator.Fixtures;
using OktaSimulator.Model;

namespace OktaSimulator.Tests;

public sealed class LargeOrgTests
{
    [Fact]
    public async Task ListUsers_GeneratedOrgOf100000Users_PagesThroughEveryUserWithoutErrors()
    {
        var state = OrgGenerator.Generate(OrgShape.Large);
        await using var sim = await SimulatorSession.StartAsync(state);
        var expected = state.Users.Values.Count(u => u.Status != UserStatus.Deprovisioned);

        var (items, pages) = await sim.GetAllPagesAsync("/api/v1/users?limit=200");

        Assert.Equal(100_000, state.Users.Count);
        Assert.Equal(expected, items.Count);
        Assert.Equal(items.Count, items.Select(i => i.GetProperty("id").GetString()).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal((expected + 199) / 200, pages);
        Assert.All(sim.Server.Requests.Entries, e => Assert.Equal(200, e.Status));
    }

    [Fact]
    public void Generate_LargeShape_HasTheBenchmarkProportions()
    {
        var state = OrgGenerator.Generate(OrgShape.Large);
        var app = state.Apps[state.AwsAppId!];

        Assert.Equal(2_000, state.Groups.Count);
        Assert.Equal(300, app.GroupAssignments.Count);
        Assert.Equal(10_000, app.DirectAssignments.Count);
        Assert.Equal(60_000, state.AppUserIds(app).Count);
        Assert.Equal(3, app.GroupAssignments.Keys.Count(id => state.Groups[id].Members.Count == 10_000));
    }

    [Fact]
    public void Generate_SameSeed_GivesTheSameOrg()
    {
        var a = OrgGenerator.Generate(OrgShape.Small);
        var b = OrgGenerator.Generate(OrgShape.Small);

        Assert.Equal(a.SortedUserIds, b.SortedUserIds);
        Assert.Equal(
            a.Groups.Values.Select(g => (g.Id, string.Join(',', g.Members))).Order(),
            b.Groups.Values.Select(g => (g.Id, string.Join(',', g.Members))).Order());
    }
}
