using BatonOktaAws.TestSupport;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OktaSimulator.Http;

namespace OktaSimulator.Tests;

public sealed class ControlAndProcessTests
{
    [Fact]
    public async Task RequestLog_AfterRequests_CountsPerEndpointAndStatusAndRecordsRetryHeaders()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.Small());
        var appId = sim.State.AwsAppId;
        using (await sim.Http.GetAsync(new Uri($"/api/v1/apps/{appId}/users?limit=1", UriKind.Relative)))
        using (await sim.Http.GetAsync(new Uri($"/api/v1/apps/{appId}/users?limit=2", UriKind.Relative)))
        using (await sim.Http.GetAsync(new Uri("/api/v1/users/nobody", UriKind.Relative)))
        {
        }

        using var retry = new HttpRequestMessage(HttpMethod.Get, "/api/v1/org");
        retry.Headers.Add("X-Okta-Retry-For", "abc123");
        retry.Headers.Add("X-Okta-Retry-Count", "2");
        using (await sim.Http.SendAsync(retry))
        {
        }

        var byEndpoint = sim.Server.Requests.CountByEndpoint();
        Assert.Equal(2, byEndpoint["GET /api/v1/apps/{appId}/users"]);
        Assert.Equal(1, byEndpoint["GET /api/v1/users/{userId}"]);
        Assert.Equal(1, sim.Server.Requests.CountByStatus()[404]);
        var last = sim.Server.Requests.Entries[^1];
        Assert.Equal("abc123", last.RetryFor);
        Assert.Equal("2", last.RetryCount);
    }

    [Fact]
    public async Task ControlEndpoints_OverHttp_ReportCountersStateAndInstallFaults()
    {
        await using var sim = await SimulatorSession.StartAsync(TestOrgs.PriorityFixture().ToState());
        using (await sim.Http.GetAsync(new Uri("/api/v1/org", UriKind.Relative)))
        {
        }

        using var control = new HttpClient { BaseAddress = sim.Server.BaseAddress };
        using var counters = JsonDocument.Parse(await control.GetStringAsync(new Uri("/_simulator/counters", UriKind.Relative)));
        using var state = JsonDocument.Parse(await control.GetStringAsync(new Uri("/_simulator/state", UriKind.Relative)));
        using var install = await control.PutAsJsonAsync(new Uri("/_simulator/faults", UriKind.Relative), new { serverErrorEvery = 1 });
        using var failing = await sim.Http.GetAsync(new Uri("/api/v1/org", UriKind.Relative));

        Assert.Equal(1, counters.RootElement.GetProperty("total").GetInt32());
        var high = state.RootElement.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("id").GetString() == "00gtesthigh000000001");
        Assert.Equal(2, high.GetProperty("members").GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, install.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, failing.StatusCode);
    }

    [Fact]
    public async Task StandaloneProcess_DemoOrg_PrintsItsAddressAndServesTheApi()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "okta-simulator.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--demo", "--port", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["OKTA_SIMULATOR_API_TOKEN"] = "standalone-token";
        using var process = Process.Start(start)!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            using var ready = JsonDocument.Parse(line!);
            var baseUrl = ready.RootElement.GetProperty("baseUrl").GetString()!;
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("SSWS", "standalone-token");

            using var app = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/v1/apps/{ready.RootElement.GetProperty("awsAppId").GetString()}", UriKind.Relative)));

            Assert.StartsWith("http://127.0.0.1:", baseUrl, StringComparison.Ordinal);
            Assert.Equal("amazon_aws", app.RootElement.GetProperty("name").GetString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Theory]
    [InlineData("TERM", "SIGTERM")]
    [InlineData("INT", "SIGINT")]
    public async Task StandaloneProcess_TerminationSignal_StopsServingAndExitsZero(string signal, string signalName)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "okta-simulator.dll");
        var start = InterruptibleProcess.StartInfo("dotnet", [dll, "--demo", "--port", "0"]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["OKTA_SIMULATOR_API_TOKEN"] = "standalone-token";
        using var process = Process.Start(start)!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            using var ready = JsonDocument.Parse(line!);
            var baseUrl = new Uri(ready.RootElement.GetProperty("baseUrl").GetString()!);
            var stderr = process.StandardError.ReadToEndAsync();

            using (var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!)
            {
                await kill.WaitForExitAsync();
                Assert.Equal(0, kill.ExitCode);
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal(0, process.ExitCode);
            Assert.Contains($"{signalName} received, stopped", await stderr, StringComparison.Ordinal);
            using var http = new HttpClient { BaseAddress = baseUrl };
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("/api/v1/org", UriKind.Relative)));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    [Fact]
    public async Task StandaloneProcess_AwsAppsOption_ServesThatManyAwsApps()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "okta-simulator.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--size", "S", "--aws-apps", "4", "--port", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["OKTA_SIMULATOR_API_TOKEN"] = "standalone-token";
        using var process = Process.Start(start)!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            using var ready = JsonDocument.Parse(line!);
            using var http = new HttpClient { BaseAddress = new Uri(ready.RootElement.GetProperty("baseUrl").GetString()!) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("SSWS", "standalone-token");

            using var apps = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/v1/apps?filter=" + Uri.EscapeDataString("name eq \"amazon_aws\""), UriKind.Relative)));

            Assert.Equal("4", ready.RootElement.GetProperty("awsApps").GetString());
            Assert.Equal(4, apps.RootElement.GetArrayLength());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Theory]
    [InlineData("--aws-apps", "0", "AWS apps")]
    [InlineData("--size", "XL", "Unknown org size 'XL'")]
    public async Task StandaloneProcess_BadShape_ExitsWithOneLineError(string option, string value, string expected)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "okta-simulator.dll");
        var start = new ProcessStartInfo("dotnet", [dll, option, value]) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["OKTA_SIMULATOR_API_TOKEN"] = "standalone-token";
        using var process = Process.Start(start)!;

        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("(Parameter", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StandaloneProcess_WithoutToken_ExitsWithUsageError()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "okta-simulator.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--demo"]) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment.Remove("OKTA_SIMULATOR_API_TOKEN");
        using var process = Process.Start(start)!;

        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("OKTA_SIMULATOR_API_TOKEN", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bucket_ForPaths_GroupsAppsGroupsUsersAndOtherFamilies()
    {
        Assert.Equal(RateLimitBucket.Apps, RateLimitBucket.For("/api/v1/apps/0oa1/users"));
        Assert.Equal(RateLimitBucket.Apps, RateLimitBucket.For("/api/v1/apps/0oa1"));
        Assert.Equal(RateLimitBucket.Groups, RateLimitBucket.For("/api/v1/groups/00g1/users"));
        Assert.Equal(RateLimitBucket.Users, RateLimitBucket.For("/api/v1/users"));
        Assert.Equal("/api/v1/meta", RateLimitBucket.For("/api/v1/meta/schemas/apps/0oa1/default"));
    }
}
