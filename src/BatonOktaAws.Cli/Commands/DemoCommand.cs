using System.CommandLine;
using System.Security.Cryptography;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Cli.Output;
using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Sync;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;
using OktaSimulator;
using OktaSimulator.Fixtures;

namespace BatonOktaAws.Cli.Commands;

/// <summary>
/// <c>baton-okta-aws demo</c>: starts the bundled simulated Okta org on loopback, runs a real sync against
/// it over HTTP and prints who can assume which AWS role. Never used implicitly by <c>sync</c>.
/// </summary>
internal sealed class DemoCommand : Command
{
    public const string DefaultFile = "demo-sync.db";

    private readonly CliEnvironment _env;

    public DemoCommand(CliEnvironment env)
        : base("demo", "Sync the bundled simulated Okta org (served on 127.0.0.1) and show who can assume which AWS role.")
    {
        _env = env;
        Add(File);
        Logging.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, _env, Logging, RunAsync, cancellationToken));
    }

    internal LoggingOptions Logging { get; } = new();
    internal Option<string?> File { get; } = new("--file", "-f") { Description = $"Sync file to write (default {DefaultFile})." };

    private async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        // A throwaway token known only to this process: the simulator accepts it, nothing prints it.
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var state = OrgFixture.Demo().ToState();
        await using var simulator = await OktaSimulatorServer.StartAsync(new SimulatorOptions { ApiToken = token }, state, cancellationToken).ConfigureAwait(false);
        var address = simulator.BaseAddress.GetLeftPart(UriPartial.Authority);
        CliLog.DemoSimulator(context.Logger, address);

        var connection = new ConnectionSettings(OktaDomain.Parse(simulator.BaseAddress.ToString()), OktaApiToken.Parse(token), AppSelection.Every, new OktaClientOptions());
        var options = new SyncOptions
        {
            Apps = connection.Apps,
            FilePath = context.Parse.GetValue(File) ?? DefaultFile,
            ToolVersion = CliEnvironment.Version,
        };
        var result = await SyncRunner.RunAsync(context, connection, options, cancellationToken).ConfigureAwait(false);

        using var reader = SyncFileReader.Open(result.FilePath);
        await _env.Out.WriteLineAsync().ConfigureAwait(false);
        await _env.Out.WriteLineAsync("Who can assume which AWS role, and why:").ConfigureAwait(false);
        AccessOutput.Write(_env.Out, reader.Latest().Access(new AccessFilter()), "table");
        return ExitCode.Success;
    }
}
