using System.Net;
using OktaSimulator.Http;
using OktaSimulator.Model;

namespace OktaSimulator.Tests;

/// <summary>
/// <see cref="FaultPlan.HoldFrom"/>: the gate tests use to stop a client at a known request (kill it, cancel it)
/// without polling the simulator for progress.
/// </summary>
public sealed class HoldGateTests
{
    /// <summary>A bound on waits that the simulator decides; never what makes a test act.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static readonly Uri Org = new("/api/v1/org", UriKind.Relative);

    [Fact]
    public async Task HoldFrom3_ThreeRequests_AnswersTwoAndHoldsTheThirdUntilReleased()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small(), faults: new FaultPlan { HoldFrom = 3 });
        using var first = await sim.Http.GetAsync(Org);
        using var second = await sim.Http.GetAsync(Org);

        var third = sim.Http.GetAsync(Org);
        var held = await sim.Server.Faults.WhenHeldAsync().WaitAsync(Bound);

        Assert.Equal(new HeldRequest(3, "GET", "/api/v1/org"), held);
        Assert.Equal(1, sim.Server.Faults.Held);
        Assert.Equal(2, sim.Server.Requests.Count);
        Assert.False(third.IsCompleted);
        sim.Server.Faults.Release();
        using var answer = await third.WaitAsync(Bound);
        await sim.Server.Requests.WhenCountAsync(3).WaitAsync(Bound);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal([(200, FaultKind.None), (200, FaultKind.None), (200, FaultKind.Held)], sim.Server.Requests.Entries.Select(e => (e.Status, e.Fault)));
        Assert.Equal(0, sim.Server.Faults.Held);
        Assert.Equal(0, sim.Server.Faults.Injected);
    }

    [Fact]
    public async Task HoldFrom1_RequestsAfterTheHeldOne_AreHeldTooAndAllGoOnRelease()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small(), faults: new FaultPlan { HoldFrom = 1 });

        var calls = Enumerable.Range(0, 3).Select(_ => sim.Http.GetAsync(Org)).ToList();
        await sim.Server.Faults.WhenHoldingAsync(3).WaitAsync(Bound);

        Assert.Equal(0, sim.Server.Requests.Count);
        sim.Server.Faults.Release();
        var answers = await Task.WhenAll(calls).WaitAsync(Bound);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        using var after = await sim.Http.GetAsync(Org);
        await sim.Server.Requests.WhenCountAsync(4).WaitAsync(Bound);
        Assert.Equal(FaultKind.None, sim.Server.Requests.Entries[^1].Fault);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task HoldFromWithPathPrefix_OtherPaths_AreNeitherCountedNorHeld()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small(), faults: new FaultPlan { HoldFrom = 2, PathPrefix = "/api/v1/groups" });
        var groups = new Uri("/api/v1/groups?limit=1", UriKind.Relative);
        using var firstGroups = await sim.Http.GetAsync(groups);

        var secondGroups = sim.Http.GetAsync(groups);
        var held = await sim.Server.Faults.WhenHeldAsync().WaitAsync(Bound);
        using var org = await sim.Http.GetAsync(Org).WaitAsync(Bound);

        Assert.Equal("/api/v1/groups", held.Path);
        Assert.Equal(HttpStatusCode.OK, org.StatusCode);
        Assert.False(secondGroups.IsCompleted);
        sim.Server.Faults.Release();
        using var answer = await secondGroups.WaitAsync(Bound);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task HoldFrom_ClientGivesUpOnAHeldWrite_LogsItUnansweredAndOktaIsUnchanged()
    {
        var state = TestOrgs.Small();
        var group = state.Groups.Values.First(g => g.Type == GroupType.OktaGroup);
        var user = state.SortedUserIds.First(u => !group.Members.Contains(u));
        await using var sim = await SimulatorSession.StartAsync(state, faults: new FaultPlan { HoldFrom = 1 });
        using var giveUp = new CancellationTokenSource();

        var put = sim.Http.PutAsync(new Uri($"/api/v1/groups/{group.Id}/users/{user}", UriKind.Relative), null, giveUp.Token);
        await sim.Server.Faults.WhenHeldAsync().WaitAsync(Bound);
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => put);
        await sim.Server.Requests.WhenCountAsync(1).WaitAsync(Bound);
        var entry = Assert.Single(sim.Server.Requests.Entries);
        Assert.Equal((0, FaultKind.Held, "PUT"), (entry.Status, entry.Fault, entry.Method));
        Assert.False(sim.State.IsMember(group.Id, user));
        Assert.Equal(0, sim.Server.Faults.Held);
    }

    [Fact]
    public async Task Install_WhileARequestIsHeld_LetsItGoAndCancelsAWaitOnTheOldPlan()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small(), faults: new FaultPlan { HoldFrom = 1 });
        var call = sim.Http.GetAsync(Org);
        await sim.Server.Faults.WhenHeldAsync().WaitAsync(Bound);
        sim.Server.Faults.Install(new FaultPlan { HoldFrom = 5 });
        var waitOnOldPlan = sim.Server.Faults.WhenHeldAsync();

        sim.Server.Faults.Install(FaultPlan.None);

        using var answer = await call.WaitAsync(Bound);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waitOnOldPlan);
    }

    [Fact]
    public async Task Release_BeforeTheNthRequest_HoldsNothing()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small(), faults: new FaultPlan { HoldFrom = 1 });

        sim.Server.Faults.Release();
        using var answer = await sim.Http.GetAsync(Org).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.False(sim.Server.Faults.WhenHeldAsync().IsCompleted);
    }

    [Fact]
    public async Task StopAsync_WithARequestHeld_DropsItInsteadOfWaitingForARelease()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small(), faults: new FaultPlan { HoldFrom = 1 });
        var call = sim.Http.GetAsync(Org);
        await sim.Server.Faults.WhenHeldAsync().WaitAsync(Bound);

        // Kestrel waits up to 30 s for requests in flight when it stops; a dropped one does not make it wait.
        await sim.Server.StopAsync().WaitAsync(TimeSpan.FromSeconds(20));

        await Assert.ThrowsAsync<HttpRequestException>(() => call.WaitAsync(Bound));
    }

    [Fact]
    public async Task PutFaults_HoldFromInTheJson_IsIgnoredSinceOnlyAnInProcessTestCanRelease()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small());
        using var body = new StringContent("""{"holdFrom": 1, "serverErrorEvery": 2}""", System.Text.Encoding.UTF8, "application/json");
        using var put = await sim.Http.PutAsync(new Uri("/_simulator/faults", UriKind.Relative), body);

        using var answer = await sim.Http.GetAsync(Org).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal((0, 2), (sim.Server.Faults.Plan.HoldFrom, sim.Server.Faults.Plan.ServerErrorEvery));
    }
}
