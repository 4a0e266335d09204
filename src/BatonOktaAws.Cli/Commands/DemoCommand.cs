using System.CommandLine;
using System.Security.Cryptography;
using BatonOktaAws.Cli.Help;
using BatonOktaAws.Cli.Logging;
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
internal sealed class DemoCommand : Command, IDocumentedCommand
{
    public const string DefaultFile = "demo-sync.db";

    private readonly CliEnvironment _env;

    public DemoCommand(CliEnvironment env)
        : base("demo", "Sync the bundled simulated Okta org (served on 127.0.0.1) and show who can assume which AWS role. With --log-format json, standard output is one JSON object.")
    {
        _env = env;
        Add(File);
        Add(Force);
        Logging.AddTo(this);
        SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, _env, Logging, RunAsync, cancellationToken));
    }

    internal LoggingOptions Logging { get; } = new();
    internal Option<string?> File { get; } = FileOption.Create($"Sync file to write (default {DefaultFile}).");
    internal Option<bool> Force { get; } = new("--force") { Description = "Overwrite --file even if it is not a sync file (otherwise refused, as sync does)." };

    public IReadOnlyList<HelpExample> Examples { get; } =
    [
        new("Sync the simulated org and print the access table", "baton-okta-aws demo"),
        new("The same as one JSON object (summary and access rows)", "baton-okta-aws demo --log-format json"),
    ];

    public IReadOnlyList<int> ExitCodes { get; } = [ExitCode.Success, ExitCode.Failure, ExitCode.UsageError, ExitCode.Cancelled];

    private async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var filePath = FileOption.Resolve(context.Values, File, DefaultFile);
        var force = context.Values.Get(Force);
        if (!force)
        {
            RefuseARealOrgsFile(filePath);
        }

        // A throwaway token known only to this process: the simulator accepts it, nothing prints it.
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var state = OrgFixture.Demo().ToState();
        await using var simulator = await OktaSimulatorServer.StartAsync(new SimulatorOptions { ApiToken = token }, state, cancellationToken).ConfigureAwait(false);
        var address = simulator.BaseAddress.GetLeftPart(UriPartial.Authority);
        CliLog.DemoSimulator(context.Logger, address);

        var connection = new ConnectionSettings(OktaDomain.Parse(simulator.BaseAddress.ToString()), OktaApiToken.Parse(token), AppSelection.Every, new OktaClientOptions());
        // The demo's AWS side: the IAM exports an AWS admin would hand over, attached as sync --aws-iam does.
        var exports = Directory.CreateTempSubdirectory("baton-okta-aws-demo-iam-");
        Core.Iam.IamEstate iam;
        try
        {
            iam = Core.Iam.IamExportLoader.Load(OrgFixture.WriteDemoIamExports(exports.FullName));
        }
        finally
        {
            exports.Delete(recursive: true);
        }

        var options = new SyncOptions
        {
            Apps = connection.Apps,
            FilePath = filePath,
            ToolVersion = CliEnvironment.Version,
            Force = force,
            Iam = iam,
        };
        var (result, stats) = await SyncRunner.SyncAsync(context, connection, options, cancellationToken).ConfigureAwait(false);

        using var reader = SyncFileReader.Open(result.FilePath);
        var rows = reader.Latest().Access(new AccessFilter());
        if (context.Format == LogFormat.Json)
        {
            // Standard output stays one JSON document: the sync summary with the access rows in it.
            SyncSummary.WriteJson(_env.Out, result, stats, json => AccessOutput.WriteRows(json, rows, "access"));
            return ExitCode.Success;
        }

        SyncSummary.Write(_env.Out, result, context.Format, stats);
        await _env.Out.WriteLineAsync().ConfigureAwait(false);
        await _env.Out.WriteLineAsync("Who can assume which AWS role, and why:").ConfigureAwait(false);
        AccessOutput.Write(_env.Out, rows, "table");
        return ExitCode.Success;
    }

    /// <summary>
    /// BATON_FILE reaches demo as it reaches every command: a shell set up for the nightly sync would add the simulated
    /// org's sync to the real file, dropping a real sync (--keep-syncs) and making the next diff compare two orgs.
    /// </summary>
    private static void RefuseARealOrgsFile(string path)
    {
        if (!System.IO.File.Exists(path) || FileKind.SpecialFileAt(path) is not null)
        {
            // Nothing there, or a pipe that opening would wait on: the sync's own target check says what to do.
            return;
        }

        string domain;
        try
        {
            using var reader = SyncFileReader.Open(path);
            domain = reader.Latest().Run.OktaDomain;
        }
        catch (SyncFileException)
        {
            // Not a sync file (or not a readable one): the sync's own target check says what to do.
            return;
        }

        if (!Uri.TryCreate(domain, UriKind.Absolute, out var uri) || !uri.IsLoopback)
        {
            throw new UsageException($"{path} holds syncs of {domain}; the demo would add the simulated org's sync to them. Pass another --file (the demo's default is {DefaultFile}), or --force.");
        }
    }
}
