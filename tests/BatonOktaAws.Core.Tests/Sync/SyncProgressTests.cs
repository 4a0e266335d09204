using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Sync;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;

namespace BatonOktaAws.Core.Tests.Sync;

/// <summary>What the engine reports while it runs, for the command line's progress display.</summary>
public sealed class SyncProgressTests
{
    [Fact]
    public async Task RunAsync_WithProgress_CountsMembersAgainstOktasGroupSizesAndTheTokensShare()
    {
        var state = OrgGenerator.Generate(OrgShape.Small);
        await using var simulator = await TestSimulator.StartAsync(state);
        using var client = new OktaClient(OktaDomain.Parse(simulator.Domain()), OktaApiToken.Parse(TestSimulator.Token), SyncHarness.FastRetries);
        using var directory = new TempDirectory();
        var reports = new List<SyncProgress>();
        var progress = new SynchronousProgress(p =>
        {
            lock (reports)
            {
                reports.Add(p);
            }
        });
        var options = new SyncOptions { Apps = AppSelection.Parse(state.AwsAppId!), FilePath = directory.File("sync.db"), ToolVersion = "test" };

        await new SyncEngine(client, progress: progress).RunAsync(options, CancellationToken.None);

        // Okta's group stats (usersCount) give the total: every member of every group the sync reads.
        var app = state.Apps[state.AwsAppId!];
        var members = reports[^1].Lists[0];
        Assert.StartsWith("members of ", members.Description, StringComparison.Ordinal);
        Assert.Equal(app.GroupAssignments.Keys.Sum(g => state.Groups[g].Members.Count), members.TotalItems);
        Assert.Equal(members.TotalItems, members.Items);
        Assert.True(members.Done);
        var apps = Assert.Single(reports[^1].RateLimits, b => b.Bucket == "/api/v1/apps");
        Assert.True(apps.Used > 0 && apps.Used <= apps.TokenShare, $"{apps.Used} of {apps.TokenShare}");
    }

    /// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>, so the last report is the last made.</summary>
    private sealed class SynchronousProgress(Action<SyncProgress> report) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) => report(value);
    }
}
