using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using OktaSimulator.Http;
using OktaSimulator.Model;

namespace OktaSimulator.Tests;

/// <summary>A simulator started in-process for one test, and an HTTP client that authenticates to it.</summary>
internal sealed partial class SimulatorSession : IAsyncDisposable
{
    public const string Token = BatonOktaAws.TestSupport.TestSimulator.Token;

    private SimulatorSession(OktaSimulatorServer server)
    {
        Server = server;
        Http = new HttpClient { BaseAddress = server.BaseAddress };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("SSWS", Token);
    }

    public OktaSimulatorServer Server { get; }
    public HttpClient Http { get; }
    public OrgState State => Server.State;

    public static async Task<SimulatorSession> StartAsync(
        OrgState state,
        RateLimitSettings? limits = null,
        FaultPlan? faults = null,
        TimeProvider? time = null)
    {
        return new SimulatorSession(await BatonOktaAws.TestSupport.TestSimulator.StartAsync(state, limits, faults, time));
    }

    /// <summary>Starts with the test token, no rate limits and no faults, then whatever <paramref name="configure"/> changes.</summary>
    public static async Task<SimulatorSession> StartAsync(OrgState state, Func<SimulatorOptions, SimulatorOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = configure(new SimulatorOptions { ApiToken = Token, RateLimits = RateLimitSettings.Unlimited, Faults = FaultPlan.None });
        return new SimulatorSession(await OktaSimulatorServer.StartAsync(options, state));
    }

    public async Task<JsonDocument> GetJsonAsync(string pathAndQuery)
    {
        using var response = await Http.GetAsync(new Uri(pathAndQuery, UriKind.RelativeOrAbsolute));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Follows <c>Link rel="next"</c> from the first page to the last; returns every item and the page count.</summary>
    public async Task<(List<JsonElement> Items, int Pages)> GetAllPagesAsync(string pathAndQuery)
    {
        var items = new List<JsonElement>();
        var pages = 0;
        string? next = pathAndQuery;
        while (next is not null)
        {
            using var response = await Http.GetAsync(new Uri(next, UriKind.RelativeOrAbsolute));
            response.EnsureSuccessStatusCode();
            pages++;
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            items.AddRange(document.RootElement.EnumerateArray().Select(e => e.Clone()));
            next = NextLink(response);
        }

        return (items, pages);
    }

    public static string? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            var match = NextLinkPattern().Match(value);
            if (match.Success)
            {
                return match.Groups[1].Value;
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    [GeneratedRegex("<([^>]+)>;\\s*rel=\"next\"")]
    private static partial Regex NextLinkPattern();
}
