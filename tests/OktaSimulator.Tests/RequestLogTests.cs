using OktaSimulator.Http;

namespace OktaSimulator.Tests;

/// <summary><see cref="RequestLog.WhenCountAsync"/>: awaiting the log instead of polling its count.</summary>
public sealed class RequestLogTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly Uri Org = new("/api/v1/org", UriKind.Relative);

    [Fact]
    public async Task WhenCountAsync_CountNotYetReached_CompletesOnceThatManyRequestsAreLogged()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small());

        var two = sim.Server.Requests.WhenCountAsync(2);
        using var first = await sim.Http.GetAsync(Org);
        await sim.Server.Requests.WhenCountAsync(1).WaitAsync(Bound);
        var pendingAfterOne = !two.IsCompleted;
        using var second = await sim.Http.GetAsync(Org);
        await two.WaitAsync(Bound);

        Assert.True(pendingAfterOne);
        Assert.Equal(2, sim.Server.Requests.Count);
    }

    [Fact]
    public async Task Entries_AnsweredOrReset_AreLoggedBeforeTheClientHasTheAnswerOrTheError()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small(), faults: new FaultPlan { ConnectionResetEvery = 2 });

        using var answered = await sim.Http.GetAsync(Org);
        var loggedWithTheAnswer = sim.Server.Requests.Count;
        await Assert.ThrowsAsync<HttpRequestException>(() => sim.Http.GetAsync(Org));
        var loggedWithTheReset = sim.Server.Requests.Count;

        Assert.Equal((1, 2), (loggedWithTheAnswer, loggedWithTheReset));
        Assert.Equal([(200, FaultKind.None), (0, FaultKind.ConnectionReset)], sim.Server.Requests.Entries.Select(e => (e.Status, e.Fault)));
    }

    [Fact]
    public async Task WhenCountAsync_CountAlreadyReached_IsCompletedAtOnce()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small());
        using var first = await sim.Http.GetAsync(Org);
        await sim.Server.Requests.WhenCountAsync(1).WaitAsync(Bound);

        Assert.True(sim.Server.Requests.WhenCountAsync(1).IsCompleted);
        Assert.True(sim.Server.Requests.WhenCountAsync(0).IsCompleted);
    }

    [Fact]
    public async Task WhenCountAsync_AfterClear_CountsFromEmpty()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small());
        using var first = await sim.Http.GetAsync(Org);
        await sim.Server.Requests.WhenCountAsync(1).WaitAsync(Bound);

        sim.Server.Requests.Clear();
        var one = sim.Server.Requests.WhenCountAsync(1);
        var pendingAfterClear = !one.IsCompleted;
        using var second = await sim.Http.GetAsync(Org);
        await one.WaitAsync(Bound);

        Assert.True(pendingAfterClear);
        Assert.Equal(1, sim.Server.Requests.Count);
    }

    [Fact]
    public async Task WhenCountAsync_Cancelled_EndsTheWait()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small());
        using var cancel = new CancellationTokenSource();

        var wait = sim.Server.Requests.WhenCountAsync(1, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }
}
