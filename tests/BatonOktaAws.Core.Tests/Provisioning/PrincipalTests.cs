using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Provisioning;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace BatonOktaAws.Core.Tests.Provisioning;

/// <summary>
/// Okta's <c>GET /api/v1/users/{idOrLogin}</c> also answers for a login's short name; the simulator does not, so
/// WireMock plays an Okta that does. A change must act on exactly the user it names.
/// </summary>
public sealed class PrincipalTests : IDisposable
{
    private const string AppId = "0oaprincipal";
    private const string GroupId = "00gprincipal";
    private const string AliceId = "00ualiceprincipal01";
    private const string AliceJson = """{"id":"00ualiceprincipal01","status":"ACTIVE","profile":{"login":"alice@acme.example"}}""";
    private readonly WireMockServer _server = WireMockServer.Start();

    public PrincipalTests()
    {
        Stub("/api/v1/groups/" + GroupId, """{"id":"00gprincipal","type":"OKTA_GROUP","profile":{"name":"Principal test"}}""");
        Stub("/api/v1/users/alice", AliceJson);
        Stub("/api/v1/users/ALICE@acme.example", AliceJson);
        Stub("/api/v1/users/" + AliceId, AliceJson);
        Stub($"/api/v1/users/{AliceId}/groups", "[]");
    }

    public void Dispose() => _server.Stop();

    [Fact]
    public async Task Grant_ShortNameThatOktaResolvesToAnotherLogin_IsRefusedNamingBoth()
    {
        var result = await RunAsync(ChangeParser.Grant($"group:{GroupId}:member", "user", "alice"));

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        Assert.Equal(
            $"'alice' is neither the id nor the login of the user Okta returned for it, alice@acme.example ({AliceId}); Okta resolves short names, so give that user's full login or id if it is the one you mean.",
            result.Error);
        Assert.DoesNotContain(_server.LogEntries, e => e.RequestMessage!.Method != "GET");
    }

    [Theory]
    [InlineData("ALICE@acme.example")]
    [InlineData(AliceId)]
    public async Task Grant_ExactIdOrLoginInAnyCase_IsAccepted(string principal)
    {
        var result = await RunAsync(ChangeParser.Grant($"group:{GroupId}:member", "user", principal));

        Assert.True(result.Outcome == ProvisioningOutcome.Planned, result.Error);
        Assert.Equal($"/api/v1/groups/{GroupId}/users/{AliceId}", Assert.Single(result.Writes).Path);
    }

    private async Task<ProvisioningResult> RunAsync(ProvisioningChange change)
    {
        using var client = new OktaClient(OktaDomain.Parse(_server.Url!), OktaApiToken.Parse("00principal-token"), Sync.SyncHarness.FastRetries);
        var results = await new Provisioner(client, "tester").RunAsync([change], [], new ProvisioningOptions { Apps = AppSelection.Of(AppId), DryRun = true }, CancellationToken.None);
        return Assert.Single(results);
    }

    private void Stub(string path, string body) =>
        _server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
}
