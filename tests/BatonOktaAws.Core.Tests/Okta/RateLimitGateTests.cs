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

        Assert.True(probe.IsProbe);
        Assert.False(second.IsCompleted);
        gate.Complete(probe, Headers(limit: 100, remaining: 99, resetIn: 30));
        var ticket = await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(ticket.IsProbe);
    }

    [Fact]
    public async Task AcquireAsync_TokenShareSpent_WaitsUntilTheWindowResetsAndAnnouncesTheWaitOnce()
    {
        var time = new FakeTimeProvider(Start);
        var waits = new List<RateLimitWait>();
        var gate = new RateLimitGate(time, 0.5, TimeSpan.Zero, waits.Add);
        var probe = await gate.AcquireAsync(Apps, CancellationToken.None);

        // The org has 99 left; this token may use 50 of the 100 and has used 1 (the probe).
        gate.Complete(probe, Headers(limit: 100, remaining: 99, resetIn: 30));
        Assert.Equal(49, gate.Left(Apps));
        for (var i = 0; i < 49; i++)
        {
            gate.Complete(await gate.AcquireAsync(Apps, CancellationToken.None), null);
        }

        var blocked = Enumerable.Range(0, 8).Select(_ => gate.AcquireAsync(Apps, CancellationToken.None).AsTask()).ToList();
        Assert.Equal(0, gate.Left(Apps));
        Assert.All(blocked, b => Assert.False(b.IsCompleted));
        var wait = Assert.Single(waits);
        Assert.Equal(new RateLimitWait(Apps, Start.AddSeconds(30), RateLimitGate.TokenShareSpent), wait);

        time.Advance(TimeSpan.FromSeconds(30));
        var afterReset = await Task.WhenAny(blocked).Unwrap().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(afterReset.IsProbe);
        Assert.Single(waits);
    }

    [Fact]
    public async Task AcquireAsync_OtherClientsSpentTheOrgsRemaining_PacesByWhatTheHeadersSayIsLeft()
    {
        var time = new FakeTimeProvider(Start);
        var waits = new List<RateLimitWait>();
        var gate = new RateLimitGate(time, 0.5, TimeSpan.Zero, waits.Add);
        var probe = await gate.AcquireAsync(Apps, CancellationToken.None);

        // Other integrations used 60 of the 100: more than this token's 50, yet it may still send 39 (the org's
        // 40 left, less the probe) — not none, as if all 60 had been its own.
        gate.Complete(probe, Headers(limit: 100, remaining: 39, resetIn: 30));

        Assert.Equal(39, gate.Left(Apps));
        for (var i = 0; i < 39; i++)
        {
            gate.Complete(await gate.AcquireAsync(Apps, CancellationToken.None), null);
        }

        var blocked = gate.AcquireAsync(Apps, CancellationToken.None).AsTask();
        Assert.False(blocked.IsCompleted);
        Assert.Equal(RateLimitGate.OrgLimitSpent, Assert.Single(waits).Reason);
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

        // The server counted the first (8 left) but not the two sent after it; meanwhile another client took 1.
        gate.Complete(first, Headers(limit: 10, remaining: 7, resetIn: 30));

        Assert.Equal(5, gate.Left(Apps));
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
    public async Task Refused_ResetAhead_HoldsTheBucketUntilResetMinusDatePlusOneSecondAndThenProbes()
    {
        var time = new FakeTimeProvider(Start);
        var waits = new List<RateLimitWait>();
        var gate = new RateLimitGate(time, 0.5, TimeSpan.Zero, waits.Add);
        var probe = await gate.AcquireAsync(Apps, CancellationToken.None);

        var wait = gate.Refused(probe, Headers(limit: 100, remaining: 50, resetIn: 20));
        var next = gate.AcquireAsync(Apps, CancellationToken.None).AsTask();

        Assert.Equal(TimeSpan.FromSeconds(21), wait);
        Assert.Equal(Start.AddSeconds(21), Assert.Single(waits).Until);
        Assert.StartsWith("Okta answered 429", waits[0].Reason, StringComparison.Ordinal);
        time.Advance(TimeSpan.FromSeconds(20.9));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True((await next.WaitAsync(TimeSpan.FromSeconds(5))).IsProbe);
    }

    [Fact]
    public async Task Refused_ResetAlreadyPast_WaitsAtLeastASecondAndBacksOffExponentially()
    {
        var time = new FakeTimeProvider(Start);
        var gate = new RateLimitGate(time, 0.5, TimeSpan.Zero);
        var waited = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            var ticket = await gate.AcquireAsync(Apps, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
            var wait = gate.Refused(ticket, Headers(limit: 100, remaining: 0, resetIn: -5));
            waited.Add(wait);
            time.Advance(wait);
        }

        Assert.Equal([1, 2, 4, 8], waited.Select(w => w.TotalSeconds));
    }

    [Fact]
    public async Task Refused_SeveralRequestsOfTheSameBurst_AreOneWaitAnnouncedOnce()
    {
        var time = new FakeTimeProvider(Start);
        var waits = new List<RateLimitWait>();
        var gate = new RateLimitGate(time, 1.0, TimeSpan.Zero, waits.Add);
        var probe = await gate.AcquireAsync(Apps, CancellationToken.None);
        gate.Complete(probe, Headers(limit: 100, remaining: 90, resetIn: 20));
        var inFlight = new List<RateLimitTicket>();
        for (var i = 0; i < 8; i++)
        {
            inFlight.Add(await gate.AcquireAsync(Apps, CancellationToken.None));
        }

        // Another client emptied the bucket; all eight come back 429 with the same reset.
        var waitsFor = inFlight.Select(t => gate.Refused(t, Headers(limit: 100, remaining: 0, resetIn: 20))).ToList();

        Assert.Single(waits);
        Assert.All(waitsFor, w => Assert.Equal(TimeSpan.FromSeconds(21), w));
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
    public async Task AcquireAsync_WaitEndsLessThanAMillisecondAhead_WaitsForTheClockInsteadOfSpinning()
    {
        // A timer's due time counts in whole milliseconds (TimeProvider's timers, FakeTimeProvider's too): a wait
        // of 0.5 ms is due at once. Asking again then finds the clock unmoved, so a gate that waits exactly
        // "until - now" loops without yielding for as long as the clock stands still — forever under a fake clock
        // that moves only when the client is idle. The spy cancels after many reads so a spinning gate fails here
        // instead of hanging the suite.
        using var spinning = new CancellationTokenSource();
        var time = new ReadCountingTimeProvider(Start, readsBeforeCancel: 1_000, spinning);
        var gate = new RateLimitGate(time, 0.5, TimeSpan.Zero);
        var refused = await gate.AcquireAsync(Apps, CancellationToken.None);
        var wait = gate.Refused(refused, null);
        time.Advance(wait - TimeSpan.FromTicks(5_000));

        var next = gate.AcquireAsync(Apps, spinning.Token);

        Assert.False(next.IsCompleted, $"AcquireAsync returned after {time.Reads} clock reads without the clock moving.");
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True((await next.AsTask().WaitAsync(TimeSpan.FromSeconds(5))).IsProbe);
        Assert.True(time.Reads < 10, $"{time.Reads} clock reads");
    }

    [Fact]
    public void RemainingForToken_OtherClientsInTheOrgCount_IsTheSmallerOfOrgRemainingAndTheTokensOwnShareLeft()
    {
        Assert.Equal(50, new RateLimitHeaders(100, 100, 0, null).RemainingForToken(0.5, usedByToken: 0));
        Assert.Equal(40, new RateLimitHeaders(100, 50, 0, null).RemainingForToken(0.5, usedByToken: 10));
        Assert.Equal(30, new RateLimitHeaders(100, 30, 0, null).RemainingForToken(0.5, usedByToken: 10));
        Assert.Equal(0, new RateLimitHeaders(100, 60, 0, null).RemainingForToken(0.5, usedByToken: 50));
        Assert.Equal(10, new RateLimitHeaders(100, 10, 0, null).RemainingForToken(1.0, usedByToken: 0));
    }

    [Fact]
    public void RetryAfter429_ResetAheadNowOrPast_IsResetMinusDatePlusOneSecondOrNothing()
    {
        Assert.Equal(TimeSpan.FromSeconds(21), Headers(100, 0, resetIn: 20).RetryAfter429(Start));
        Assert.Equal(TimeSpan.FromSeconds(1), Headers(100, 0, resetIn: 0).RetryAfter429(Start));
        Assert.Null(Headers(100, 0, resetIn: -1).RetryAfter429(Start));
    }

    [Fact]
    public async Task Usage_RequestsSentInTheWindow_CountsThemAgainstTheTokensShareUntilTheWindowResets()
    {
        var time = new FakeTimeProvider(Start);
        var gate = new RateLimitGate(time, 0.5, TimeSpan.Zero);
        Assert.Empty(gate.Usage());

        gate.Complete(await gate.AcquireAsync(Apps, CancellationToken.None), Headers(limit: 100, remaining: 99, resetIn: 30));
        for (var i = 0; i < 36; i++)
        {
            gate.Complete(await gate.AcquireAsync(Apps, CancellationToken.None), null);
        }

        var groups = await gate.AcquireAsync(RateLimitBucket.Groups, CancellationToken.None);
        gate.Complete(groups, Headers(limit: 600, remaining: 580, resetIn: 30));

        // The apps bucket is the more used (37 of 50); the groups one counts only this client's request, not the
        // 19 others the org spent.
        Assert.Equal(
            [new RateLimitUse(Apps, 37, 50, Start.AddSeconds(30)), new RateLimitUse(RateLimitBucket.Groups, 1, 300, Start.AddSeconds(30))],
            gate.Usage());
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(gate.Usage());
    }

    /// <summary>Headers as a server whose clock reads <see cref="Start"/> would send them.</summary>
    private static RateLimitHeaders Headers(int limit, int remaining, int resetIn, int resetEpochOffset = 0) =>
        new(limit, remaining, Start.ToUnixTimeSeconds() + resetIn + resetEpochOffset, Start);

    /// <summary>A fake clock that counts its reads and, past a number of them, cancels a token (a spy on spinning).</summary>
    private sealed class ReadCountingTimeProvider(DateTimeOffset start, int readsBeforeCancel, CancellationTokenSource cancel)
        : FakeTimeProvider(start)
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public override DateTimeOffset GetUtcNow()
        {
            if (Interlocked.Increment(ref _reads) == readsBeforeCancel)
            {
                cancel.Cancel();
            }

            return base.GetUtcNow();
        }
    }
}
