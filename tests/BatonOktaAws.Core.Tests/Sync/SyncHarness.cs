using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Sync;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;
using BatonOktaAws.TestSupport;
using OktaSimulator;

namespace BatonOktaAws.Core.Tests.Sync;

/// <summary>Runs the real sync engine against a simulator over HTTP, into a temporary directory.</summary>
internal sealed class SyncHarness : IDisposable
{
    private readonly TempDirectory _directory = new();

    public SyncHarness(OktaSimulatorServer simulator) => Simulator = simulator;

    public OktaSimulatorServer Simulator { get; }
    public string FilePath => _directory.File("sync.db");

    public static OktaClientOptions FastRetries { get; } = new()
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        RetryMaxDelay = TimeSpan.FromMilliseconds(50),
        RateLimitJitter = TimeSpan.FromMilliseconds(50),
    };

    public async Task<SyncResult> SyncAsync(Func<SyncOptions, SyncOptions>? configure = null, OktaClientOptions? clientOptions = null, string? token = null, string? appId = null, HttpMessageHandler? handler = null, CancellationToken cancellationToken = default)
    {
        using var client = new OktaClient(OktaDomain.Parse(Simulator.Domain()), OktaApiToken.Parse(token ?? TestSimulator.Token), clientOptions ?? FastRetries, handler: handler);
        var options = new SyncOptions { Apps = AppSelection.Parse(appId ?? Simulator.State.AwsAppId!), FilePath = FilePath, ToolVersion = "test" };
        return await new SyncEngine(client).RunAsync(configure?.Invoke(options) ?? options, cancellationToken);
    }

    public IReadOnlyList<ExpectedRow> AccessRows()
    {
        using var reader = SyncFileReader.Open(FilePath);
        return ExpectedAccess.Normalize(reader.Latest().Access(new AccessFilter()).Select(r => new ExpectedRow(r.UserId, r.Login!, r.UserStatus!, r.AccountId, r.Role, r.Source, r.AppId)));
    }

    public void Dispose() => _directory.Dispose();
}
