using System.Net.Http.Headers;
using BatonOktaAws.Core.Okta.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace BatonOktaAws.Core.Tests.Okta;

public sealed class RateLimitGateTests
{
    private const string Apps = RateLimitBucket.Apps;
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 30, TimeSpan.Zero);

    [Fact]
    public async Task AcquireAsync_UnknownBucket_SendsOneProbeAndHoldsTheRestUntilItsHeadersArrive()
    {
        var time = new FakeTimeProvider(Start);
        var gate = new RateLimitGate(time, 0.5, TimeSpan.Zero);

        var probe = await gate.AcquireAsync(Apps, CancellationToken.None);
        var second = gate.AcquireAsync(Apps, CancellationToken.None).AsTask();
        await Task.Delay(50);

        Assert.True(probe.IsProbe);
        Assert.False(second.IsCompleted);
        gate.Complete(probe, Headers(limit: 100, remaining: 99, resetIn: 30));
        var ticket = await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(ticket.IsProbe);
    }

    [Fact]
    public async Task AcquireAsync_TokenShareSpent_WaitsUntilTheWindowResetsInsteadOfBeingRefused()
    {
        var time = new FakeTimeProvider(Start);
        var gate = new RateLimitGate(time, 0.5, TimeSpan.Zero);
        var probe = await gate.AcquireAsync(Apps, CancellationToken.None);

        // The org has 100 left, but this token may use 50 and has used 47 (the org count, taken as ours).
        gate.Complete(probe, Headers(limit: 100, remaining: 53, resetIn: 30));
        for (var i = 0; i < 3; i++)
        {
            gate.Complete(await gate.AcquireAsync(Apps, CancellationToken.None), null);
        }

        var blocked = gate.AcquireAsync(Apps, CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.Equal(0, gate.Left(Apps));
        Assert.False(blocked.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(31));
        var afterReset = await blocked.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(afterReset.IsProbe);
    }

    [Fact]
    public async Task Complete_ResponseWhileLaterRequestsInFlight_SubtractsThoseTheServerHasNotCounted()
    {
        var time = new FakeTimeProvider(Start);
        var gate = new RateLimitGate(time, 1.0, TimeSpan.Zero);
        var probe = await gate.AcquireAsync(Apps, CancellationToken.None);
        gate.Complete(probe, Headers(limit: 10, remaining: 9, resetIn: 30));
        var first = await gate.AcquireAsync(Apps, CancellationToken.None);
        _ = await gate.AcquireAsync(Apps, CancellationToken.None);
        _ = await gate.AcquireAsync(Apps, CancellationToken.None);

        // The server counted the first (8 left) but not the two sent after it.
        gate.Complete(first, Headers(limit: 10, remaining: 8, resetIn: 30));

        Assert.Equal(6, gate.Left(Apps));
    }

    [Fact]
    public async Task Complete_ResponseFromAnOlderWindow_IsIgnored()
    {
        var gate = new RateLimitGate(new FakeTimeProvider(Start), 1.0, TimeSpan.Zero);
        var probe = await gate.AcquireAsync(Apps, CancellationToken.None);
        gate.Complete(probe, Headers(limit: 10, remaining: 9, resetIn: 30, resetEpochOffset: 60));

        var ticket = await gate.AcquireAsync(Apps, CancellationToken.None);
        gate.Complete(ticket, Headers(limit: 10, remaining: 1, resetIn: 30));

        Assert.Equal(8, gate.Left(Apps));
    }

    [Fact]
    public async Task Abandon_Probe_LetsTheNextRequestProbeInstead()
    {
        var gate = new RateLimitGate(new FakeTimeProvider(Start), 0.5, TimeSpan.Zero);
        var probe = await gate.AcquireAsync(Apps, CancellationToken.None);
        var waiting = gate.AcquireAsync(Apps, CancellationToken.None).AsTask();

        gate.Abandon(probe);
        var next = await waiting.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(next.IsProbe);
    }

    [Fact]
    public async Task AcquireAsync_Cancelled_StopsWaiting()
    {
        var gate = new RateLimitGate(new FakeTimeProvider(Start), 0.5, TimeSpan.Zero);
        _ = await gate.AcquireAsync(Apps, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = gate.AcquireAsync(Apps, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public void RemainingForToken_HalfShare_IsTheSmallerOfOrgRemainingAndTokenCapMinusUsed()
    {
        Assert.Equal(50, new RateLimitHeaders(100, 100, 0, null).RemainingForToken(0.5));
        Assert.Equal(0, new RateLimitHeaders(100, 50, 0, null).RemainingForToken(0.5));
        Assert.Equal(10, new RateLimitHeaders(100, 10, 0, null).RemainingForToken(1.0));
        Assert.Equal(0, new RateLimitHeaders(100, 0, 0, null).RemainingForToken(0.5));
    }

    /// <summary>Headers as a server whose clock reads <see cref="Start"/> would send them.</summary>
    private static RateLimitHeaders Headers(int limit, int remaining, int resetIn, int resetEpochOffset = 0) =>
        new(limit, remaining, Start.ToUnixTimeSeconds() + resetIn + resetEpochOffset, Start);
}
