using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Provisioning;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;

namespace BatonOktaAws.Core.Tests.Provisioning;

/// <summary>Interrupting a batch: what was done is reported, a write that went out is audited as outcome unknown.</summary>
public sealed class CancellationTests
{
    private const string Admins = "00gdemoawsadmins0001";
    private const string Developers = "00gdemoawsdevs000002";
    private const string Auditors = "00gdemoawsaudit00003";
    private const string Grace = "00udemograce00000007";

    [Fact]
    public async Task Apply_CancelledWhileAWriteIsInFlight_ReportsEarlierResultsAuditsTheWriteAsUnknownAndStartsNothingElse()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        using var cancellation = new CancellationTokenSource();
        // Okta receives and applies line 2's write; the answer is lost because the run is cancelled meanwhile.
        using var handler = new CancelAfterForwarding(cancellation, $"/api/v1/groups/{Developers}/users/{Grace}");
        using var client = new OktaClient(OktaDomain.Parse(simulator.Domain()), OktaApiToken.Parse(TestSimulator.Token), Sync.SyncHarness.FastRetries, handler: handler);
        var audit = new AuditSpy();

        var results = await new Provisioner(client, "tester", audit: audit).RunAsync(
            [
                ChangeParser.Grant($"group:{Admins}:member", "user", Grace, 1),
                ChangeParser.Grant($"group:{Developers}:member", "user", Grace, 2),
                ChangeParser.Grant($"group:{Auditors}:member", "user", Grace, 3),
            ],
            [],
            new ProvisioningOptions { Apps = AppSelection.Of(simulator.State.AwsAppId!) },
            cancellation.Token);

        Assert.Equal([ProvisioningOutcome.Granted, ProvisioningOutcome.OutcomeUnknown, ProvisioningOutcome.Cancelled], results.Select(r => r.Outcome));
        Assert.Equal($"/api/v1/groups/{Developers}/users/{Grace}", Assert.Single(results[1].Writes).Path);
        Assert.Empty(results[2].Writes);
        Assert.Equal(
            [("granted", $"/api/v1/groups/{Admins}/users/{Grace}"), ("outcome-unknown", $"/api/v1/groups/{Developers}/users/{Grace}")],
            audit.Events.Select(e => (e.Result, e.Path)));
        Assert.True(simulator.State.IsMember(Developers, Grace));
        Assert.False(simulator.State.IsMember(Auditors, Grace));
    }

    [Fact]
    public async Task Plan_CancelledBeforeAnyWrite_ThrowsAndWritesNothing()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        using var client = new OktaClient(OktaDomain.Parse(simulator.Domain()), OktaApiToken.Parse(TestSimulator.Token), Sync.SyncHarness.FastRetries);
        var audit = new AuditSpy();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Provisioner(client, "tester", audit: audit).RunAsync(
            [ChangeParser.Grant($"group:{Admins}:member", "user", Grace)], [], new ProvisioningOptions { Apps = AppSelection.Of(simulator.State.AwsAppId!) }, cancellation.Token));

        Assert.Empty(audit.Events);
        Assert.DoesNotContain(simulator.Requests.Entries, e => e.IsWrite);
    }

    [Fact]
    public async Task Apply_AuditLogFailsAfterAWrite_StopsKeepingTheResultsSoFar()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        using var client = new OktaClient(OktaDomain.Parse(simulator.Domain()), OktaApiToken.Parse(TestSimulator.Token), Sync.SyncHarness.FastRetries);

        var results = await new Provisioner(client, "tester", audit: new FailingAudit()).RunAsync(
            [
                ChangeParser.Grant($"group:{Admins}:member", "user", Grace, 1),
                ChangeParser.Grant($"group:{Developers}:member", "user", Grace, 2),
            ],
            [],
            new ProvisioningOptions { Apps = AppSelection.Of(simulator.State.AwsAppId!) },
            CancellationToken.None);

        Assert.Equal([ProvisioningOutcome.OutcomeUnknown, ProvisioningOutcome.Cancelled], results.Select(r => r.Outcome));
        Assert.Contains("the run stopped here (IOException: disk full)", results[0].Error, StringComparison.Ordinal);
        Assert.Equal("not started: the run stopped at line 1; nothing was changed for it", results[1].Error);
        Assert.False(simulator.State.IsMember(Developers, Grace));
    }

    private sealed class FailingAudit : IAuditTrail
    {
        public void Record(AuditEvent auditEvent) => throw new IOException("disk full");
    }

    /// <summary>Forwards every request; after forwarding the one write it watches for, cancels the run and drops the answer.</summary>
    private sealed class CancelAfterForwarding(CancellationTokenSource cancellation, string path) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method != HttpMethod.Get && request.RequestUri!.AbsolutePath == path)
            {
                response.Dispose();
                await cancellation.CancelAsync();
                throw new OperationCanceledException(cancellation.Token);
            }

            return response;
        }
    }
}
