using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OktaSimulator.Control;
using OktaSimulator.Endpoints;
using OktaSimulator.Http;
using OktaSimulator.Model;

namespace OktaSimulator;

/// <summary>
/// The simulated Okta org on Kestrel, bound to 127.0.0.1. Start one in-process from a test fixture, or run
/// the <c>okta-simulator</c> executable for a separate process.
/// </summary>
public sealed class OktaSimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OktaSimulatorServer(WebApplication app, SimulatorOptions options, OrgState state)
    {
        _app = app;
        Options = options;
        State = state;
        Requests = new RequestLog();
        Faults = new FaultInjector();
        Faults.Install(options.Faults);
        RateLimiter = new RateLimiter(options.TimeProvider, options.RateLimits);
    }

    public SimulatorOptions Options { get; }
    public OrgState State { get; }
    public RequestLog Requests { get; }
    public FaultInjector Faults { get; }
    public RateLimiter RateLimiter { get; }
    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<OktaSimulatorServer> StartAsync(SimulatorOptions options, OrgState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(OktaSimulatorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, QuietHostLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
        });

        var app = builder.Build();
        var server = new OktaSimulatorServer(app, options, state);
        var pipeline = new SimulatorPipeline(options, server.RateLimiter, server.Faults, server.Requests);
        app.Use(pipeline.InvokeAsync);
        OrgEndpoints.Map(app, state);
        UserEndpoints.Map(app, state);
        GroupEndpoints.Map(app, state);
        AppEndpoints.Map(app, state);
        var roleAccess = new RoleAccess(options, state);
        RoleEndpoints.Map(app, state, roleAccess);
        IamEndpoints.Map(app, state, roleAccess);
        ControlEndpoints.Map(app, server);
        app.MapFallback((HttpContext context) =>
            SimulatorPipeline.WriteErrorAsync(context, OktaError.RouteNotFound(), "simulator-fallback"));

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
