using System.Text.Json;
using OktaSimulator.Fixtures;

namespace OktaSimulator.Tests;

public sealed class GeneratorTests
{
    /// <summary>
    /// Fingerprints of the presets as the benchmarks measured them (taken before several apps, admin roles and
    /// fake AWS API credentials were added to the generator; the credentials are left out of the fingerprint).
    /// </summary>
    [Theory]
    [InlineData("S", "A664B53BCDC8ABF351A17792D03278128E32CA61CA5A643D12C663738D307712")]
    [InlineData("M", "1273F5416F495ED723FC0790F71CF3D8E18EAB1E9A2F54D93105064C993068D0")]
    [InlineData("L", "67ADBB55064B6958E89626A8895AD5BC9111D3FAEC6A0E82BB56DD915DC68773")]
    public void Generate_Preset_IsTheOrgTheBenchmarksWereMeasuredAgainst(string preset, string fingerprint)
    {
        var state = OrgGenerator.Generate(OrgShape.Named(preset));

        Assert.Equal(fingerprint, OrgFingerprint.Of(state));
    }

    [Fact]
    public async Task GetApp_GeneratedAwsApp_ServesFakeAwsApiCredentialsInSettingsApp()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small());

        using var app = JsonDocument.Parse(await sim.Http.GetStringAsync(new Uri($"/api/v1/apps/{sim.State.AwsAppId}", UriKind.Relative)));

        var settings = app.RootElement.GetProperty("settings").GetProperty("app");
        var expected = FakeAwsApiCredentials.For(sim.State.AwsAppId!);
        Assert.Matches("^AKIA[A-Z2-7]{16}$", settings.GetProperty("accessKey").GetString());
        Assert.Equal(expected.AccessKey, settings.GetProperty("accessKey").GetString());
        Assert.Equal(40, settings.GetProperty("secretKey").GetString()!.Length);
        Assert.Equal(expected.SecretKey, settings.GetProperty("secretKey").GetString());
        Assert.Equal(expected.SecretKeyEnc, settings.GetProperty("secretKeyEnc").GetString());
    }

    [Fact]
    public void FakeAwsApiCredentials_DifferentApps_GetDifferentStableValues()
    {
        var a = FakeAwsApiCredentials.For("0oagenaws00000000001");
        var again = FakeAwsApiCredentials.For("0oagenaws00000000001");
        var b = FakeAwsApiCredentials.For("0oagenaws00000000002");

        Assert.Equal(a, again);
        Assert.NotEqual(a.AccessKey, b.AccessKey);
        Assert.NotEqual(a.SecretKey, b.SecretKey);
    }
}
