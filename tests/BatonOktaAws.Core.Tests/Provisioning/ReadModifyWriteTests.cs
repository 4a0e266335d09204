using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Provisioning;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace BatonOktaAws.Core.Tests.Provisioning;

/// <summary>
/// Okta has no conditional updates, so a samlRoles change is read, written and read back. WireMock plays an
/// Okta where another admin changes the assignment in between.
/// </summary>
public sealed class ReadModifyWriteTests : IDisposable
{
    private const string AppId = "0oarmw";
    private const string GroupId = "00grmw";
    private readonly WireMockServer _server = WireMockServer.Start();

    public ReadModifyWriteTests()
    {
        Stub("/api/v1/apps/" + AppId, """{"id":"0oarmw","name":"amazon_aws","label":"AWS","settings":{"app":{"identityProviderArn":"arn:aws:iam::123456789012:saml-provider/Okta"}}}""");
        Stub($"/api/v1/meta/schemas/apps/{AppId}/default", "{}");
        Stub($"/api/v1/internal/apps/{AppId}/types", """{"SamlIamRole":["Admin","Auditor","Billing","Other"]}""");
        Stub("/api/v1/groups/" + GroupId, """{"id":"00grmw","type":"OKTA_GROUP","profile":{"name":"rmw"}}""");
    }

    public void Dispose() => _server.Stop();

    [Fact]
    public async Task Grant_AssignmentChangedByAnotherAdminAfterOurWrite_RereadsAndKeepsTheirChange()
    {
        Assignment("Started", """["Admin"]""");
        Patch("Started", "someone-else-wrote");
        Assignment("someone-else-wrote", """["Auditor"]""");
        Patch("someone-else-wrote", "settled");
        Assignment("settled", """["Auditor","Billing"]""");

        var result = await RunAsync(ChangeParser.Grant("account:123456789012:Billing", "group", GroupId));

        Assert.True(result.Outcome == ProvisioningOutcome.Granted, result.Error);
        Assert.Equal(2, result.Writes.Count);
        Assert.Contains("\"Auditor\",\"Billing\"", result.Writes[1].Body, StringComparison.Ordinal);
        var patches = _server.LogEntries.Where(e => e.RequestMessage!.Method == "PATCH").Select(e => e.RequestMessage!.Body).ToList();
        Assert.Equal(2, patches.Count);
        Assert.Contains("\"Admin\",\"Billing\"", patches[0], StringComparison.Ordinal);
        Assert.Contains("\"Auditor\",\"Billing\"", patches[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grant_AssignmentNeverEndsUpAsWritten_GivesUpLoudlyAfterThreeAttempts()
    {
        Assignment("Started", """["Admin"]""");
        Patch("Started", "fighting");
        Assignment("fighting", """["Other"]""");
        Patch("fighting", null);

        var result = await RunAsync(ChangeParser.Grant("account:123456789012:Billing", "group", GroupId));

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        Assert.Equal(
            $"The samlRoles of group {GroupId}'s assignment kept changing while granting Billing (last seen: assigned, priority 0, samlRoles [Other]); gave up after 3 attempts — check the assignment in Okta.",
            result.Error);
        Assert.Equal(3, _server.LogEntries.Count(e => e.RequestMessage!.Method == "PATCH"));
    }

    private async Task<ProvisioningResult> RunAsync(ProvisioningChange change)
    {
        using var client = new OktaClient(OktaDomain.Parse(_server.Url!), OktaApiToken.Parse("00rmw-token"), Sync.SyncHarness.FastRetries);
        var results = await new Provisioner(client, "tester").RunAsync([change], [], new ProvisioningOptions { Apps = AppSelection.Of(AppId) }, CancellationToken.None);
        return Assert.Single(results);
    }

    private void Stub(string path, string body) =>
        _server.Given(Request.Create().WithPath(path).UsingGet()).RespondWith(Json(body));

    private void Assignment(string state, string roles) =>
        Stay(InState(_server.Given(Request.Create().WithPath($"/api/v1/apps/{AppId}/groups/{GroupId}").UsingGet()).InScenario("rmw"), state), state)
            .RespondWith(Json($$$"""{"id":"{{{GroupId}}}","priority":0,"profile":{"samlRoles":{{{roles}}}}}"""));

    private void Patch(string state, string? next)
    {
        var request = InState(_server.Given(Request.Create().WithPath($"/api/v1/apps/{AppId}/groups/{GroupId}").UsingPatch()).InScenario("rmw"), state);
        request = next is null ? Stay(request, state) : request.WillSetStateTo(next);

        request.RespondWith(Json($$"""{"id":"{{GroupId}}","priority":0}"""));
    }

    /// <summary>
    /// WireMock's first scenario state has no name, and a mapping without a state keeps matching later on, so
    /// mappings for later states take priority.
    /// </summary>
    private static WireMock.Server.IRespondWithAProvider InState(WireMock.Server.IRespondWithAProvider provider, string state) =>
        state == "Started" ? provider.AtPriority(10) : provider.WhenStateIs(state).AtPriority(1);

    /// <summary>A matched mapping without a next state sends WireMock's scenario back to the start; keep it where it is.</summary>
    private static WireMock.Server.IRespondWithAProvider Stay(WireMock.Server.IRespondWithAProvider provider, string state) =>
        state == "Started" ? provider : provider.WillSetStateTo(state);

    private static IResponseBuilder Json(string body) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body);
}
