using System.Text.Json;
using OktaSimulator.Model;

namespace OktaSimulator.Tests;

public sealed class PagingTests : IAsyncLifetime
{
    private SimulatorSession _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorSession.StartAsync(TestOrgs.Small());

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    public static TheoryData<int?> PageSizes => new() { null, 7, 64, 100_000 };

    [Theory]
    [MemberData(nameof(PageSizes))]
    public async Task ListUsers_AnyPageSize_ReturnsEveryNonDeprovisionedUserOnce(int? limit)
    {
        var expected = _sim.State.Users.Values.Where(u => u.Status != UserStatus.Deprovisioned).Select(u => u.Id);

        var (items, pages) = await _sim.GetAllPagesAsync(WithLimit("/api/v1/users", limit));

        AssertExactlyOnce(expected, items);
        Assert.Equal(Pages(items.Count, limit, 200, 200), pages);
    }

    [Theory]
    [MemberData(nameof(PageSizes))]
    public async Task ListGroups_AnyPageSize_ReturnsEveryGroupOnce(int? limit)
    {
        var (items, pages) = await _sim.GetAllPagesAsync(WithLimit("/api/v1/groups", limit));

        AssertExactlyOnce(_sim.State.Groups.Keys, items);
        Assert.Equal(Pages(items.Count, limit, 10_000, 10_000), pages);
    }

    [Theory]
    [MemberData(nameof(PageSizes))]
    public async Task ListGroupMembers_AnyPageSize_ReturnsEveryMemberOnce(int? limit)
    {
        var group = _sim.State.Groups.Values.OrderByDescending(g => g.Members.Count).First();

        var (items, pages) = await _sim.GetAllPagesAsync(WithLimit($"/api/v1/groups/{group.Id}/users", limit));

        AssertExactlyOnce(group.Members, items);
        Assert.Equal(Pages(items.Count, limit, 1_000, 1_000), pages);
    }

    [Theory]
    [MemberData(nameof(PageSizes))]
    public async Task ListAppUsers_AnyPageSize_ReturnsEveryAppUserOnce(int? limit)
    {
        var app = _sim.State.Apps[_sim.State.AwsAppId!];

        var (items, pages) = await _sim.GetAllPagesAsync(WithLimit($"/api/v1/apps/{app.Id}/users", limit));

        Assert.Equal(600, items.Count);
        AssertExactlyOnce(_sim.State.AppUserIds(app), items);
        Assert.Equal(Pages(items.Count, limit, 50, 500), pages);
    }

    [Theory]
    [MemberData(nameof(PageSizes))]
    public async Task ListAppGroups_AnyPageSize_ReturnsEveryAssignmentOnce(int? limit)
    {
        var app = _sim.State.Apps[_sim.State.AwsAppId!];

        var (items, pages) = await _sim.GetAllPagesAsync(WithLimit($"/api/v1/apps/{app.Id}/groups", limit));

        AssertExactlyOnce(app.GroupAssignments.Keys, items);
        // The minimum page size for app groups is 20, so limit=7 reads as 20.
        Assert.Equal(Pages(items.Count, limit is null ? null : Math.Max(20, limit.Value), 20, 200), pages);
    }

    [Theory]
    [MemberData(nameof(PageSizes))]
    public async Task ListUserGroups_AnyPageSize_ReturnsEveryGroupOfTheUserOnce(int? limit)
    {
        var user = _sim.State.Users.Values.OrderByDescending(u => _sim.State.GroupsOfUser(u.Id).Count).First();

        var (items, _) = await _sim.GetAllPagesAsync(WithLimit($"/api/v1/users/{user.Id}/groups", limit));

        AssertExactlyOnce(_sim.State.GroupsOfUser(user.Id).Select(g => g.Id), items);
    }

    [Fact]
    public async Task ListGroups_PageExactlyFull_HasNoNextLink()
    {
        var count = _sim.State.Groups.Count;

        using var response = await _sim.Http.GetAsync(new Uri($"/api/v1/groups?limit={count}", UriKind.Relative));

        Assert.Null(SimulatorSession.NextLink(response));
        Assert.Contains(response.Headers.GetValues("Link"), l => l.EndsWith("rel=\"self\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListUsers_SearchByStatus_IncludesDeprovisionedUsers()
    {
        var expected = _sim.State.Users.Values.Where(u => u.Status == UserStatus.Deprovisioned).Select(u => u.Id);

        var (items, _) = await _sim.GetAllPagesAsync("/api/v1/users?search=" + Uri.EscapeDataString("status eq \"DEPROVISIONED\""));

        Assert.NotEmpty(items);
        AssertExactlyOnce(expected, items);
    }

    [Fact]
    public async Task ListUsers_NonNumericLimit_Returns400WithOktaError()
    {
        using var response = await _sim.Http.GetAsync(new Uri("/api/v1/users?limit=lots", UriKind.Relative));

        Assert.Equal(400, (int)response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("E0000001", body.RootElement.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task ListGroups_SearchByNamePrefix_ReturnsOnlyMatchingGroups()
    {
        var (items, _) = await _sim.GetAllPagesAsync("/api/v1/groups?search=" + Uri.EscapeDataString("profile.name sw \"aws-team\""));

        Assert.Equal(12, items.Count);
        Assert.All(items, g => Assert.StartsWith("aws-team", g.GetProperty("profile").GetProperty("name").GetString(), StringComparison.Ordinal));
    }

    private static string WithLimit(string path, int? limit) => limit is null ? path : $"{path}?limit={limit}";

    private static int Pages(int count, int? limit, int defaultLimit, int maxLimit)
    {
        var size = Math.Min(limit ?? defaultLimit, maxLimit);
        return Math.Max(1, (count + size - 1) / size);
    }

    private static void AssertExactlyOnce(IEnumerable<string> expected, List<JsonElement> items)
    {
        var ids = items.Select(i => i.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(expected.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }
}
