using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Provisioning;
using BatonOktaAws.Core.Tests.Sync;
using BatonOktaAws.TestSupport;
using OktaSimulator;
using OktaSimulator.Model;

namespace BatonOktaAws.Core.Tests.Provisioning;

/// <summary>An audit trail that keeps what it is told (a spy).</summary>
internal sealed class AuditSpy : IAuditTrail
{
    public List<AuditEvent> Events { get; } = [];

    public void Record(AuditEvent auditEvent) => Events.Add(auditEvent);
}

/// <summary>The provisioner against a simulator, plus a sync before and after to see what changed.</summary>
internal sealed class ProvisioningHarness : IAsyncDisposable
{
    private ProvisioningHarness(OktaSimulatorServer simulator)
    {
        Simulator = simulator;
        Sync = new SyncHarness(simulator);
    }

    public OktaSimulatorServer Simulator { get; }
    public SyncHarness Sync { get; }
    public AuditSpy Audit { get; } = new();
    public OrgState State => Simulator.State;
    public string AppId => Simulator.State.AwsAppId!;

    public static async Task<ProvisioningHarness> StartAsync(OrgState state) =>
        new(await TestSimulator.StartAsync(state));

    public async Task<IReadOnlyList<ProvisioningResult>> RunAsync(IReadOnlyList<ProvisioningChange> changes, Func<ProvisioningOptions, ProvisioningOptions>? configure = null, IReadOnlyList<ChangeLineError>? unreadable = null, OktaClientOptions? clientOptions = null)
    {
        using var client = new OktaClient(OktaDomain.Parse(Simulator.Domain()), OktaApiToken.Parse(TestSimulator.Token), clientOptions ?? SyncHarness.FastRetries);
        var options = new ProvisioningOptions { Apps = AppSelection.Of(AppId) };
        return await new Provisioner(client, "tester@test-host", audit: Audit).RunAsync(changes, unreadable ?? [], configure?.Invoke(options) ?? options, CancellationToken.None);
    }

    public async Task<IReadOnlyList<ProvisioningResult>> RunAsync(ChangeBatch batch, Func<ProvisioningOptions, ProvisioningOptions>? configure = null)
    {
        using var client = new OktaClient(OktaDomain.Parse(Simulator.Domain()), OktaApiToken.Parse(TestSimulator.Token), SyncHarness.FastRetries);
        var options = new ProvisioningOptions { Apps = AppSelection.Of(AppId) };
        return await new Provisioner(client, "tester@test-host", audit: Audit).RunAsync(batch, configure?.Invoke(options) ?? options, CancellationToken.None);
    }

    public async Task<ProvisioningResult> RunOneAsync(ProvisioningChange change, Func<ProvisioningOptions, ProvisioningOptions>? configure = null) =>
        Assert.Single(await RunAsync([change], configure));

    /// <summary>Syncs and returns the access rows, after checking them against the oracle for the org as it now is.</summary>
    public async Task<IReadOnlyList<ExpectedRow>> SyncedAccessAsync()
    {
        await Sync.SyncAsync();
        var rows = Sync.AccessRows();
        Assert.Equal(ExpectedAccess.From(State), rows);
        return rows;
    }

    /// <summary>Syncs every ACTIVE AWS app (<c>all</c>) and returns the access rows, after checking them against the oracle.</summary>
    public async Task<IReadOnlyList<ExpectedRow>> SyncedAccessOfAllAppsAsync()
    {
        await Sync.SyncAsync(appId: "all");
        var rows = Sync.AccessRows();
        Assert.Equal(ExpectedAccess.FromAllApps(State), rows);
        return rows;
    }

    public int Writes => Simulator.Requests.Entries.Count(e => e.IsWrite);

    public async ValueTask DisposeAsync()
    {
        Sync.Dispose();
        await Simulator.DisposeAsync();
    }
}

/// <summary>Compares <see cref="RoleMadeDirect"/> by value, groups included (records compare lists by reference).</summary>
internal sealed class RoleMadeDirectComparer : IEqualityComparer<RoleMadeDirect>
{
    public static RoleMadeDirectComparer Instance { get; } = new();

    public bool Equals(RoleMadeDirect? x, RoleMadeDirect? y) =>
        x is not null && y is not null && x.Role == y.Role && x.Groups.SequenceEqual(y.Groups);

    public int GetHashCode(RoleMadeDirect obj) => obj.Role.GetHashCode(StringComparison.Ordinal);
}
