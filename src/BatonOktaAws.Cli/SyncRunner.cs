using BatonOktaAws.Cli.Logging;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Cli.Output;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Sync;

namespace BatonOktaAws.Cli;

/// <summary>Runs a sync for <c>sync</c> and <c>demo</c>: the engine, a progress display and the summary.</summary>
internal static class SyncRunner
{
    public static async Task<SyncResult> RunAsync(CommandContext context, ConnectionSettings connection, SyncOptions options, CancellationToken cancellationToken)
    {
        using var client = new OktaClient(connection.Domain, connection.Token, connection.ClientOptions, context.Loggers, context.Env.Time);
        SyncResult result;
        using (var progress = new ProgressDisplay(context))
        {
            var engine = new SyncEngine(client, context.Loggers, context.Env.Time, progress);
            result = await engine.RunAsync(options, cancellationToken).ConfigureAwait(false);
        }

        var stats = ProcessStats.Capture();
        CliLog.SyncFinished(context.Logger, result.FilePath, result.Counts.Users, result.Counts.Groups, result.Counts.Accounts, result.Counts.Entitlements, result.Counts.Grants, result.Counts.AccessRows, result.Requests, result.Elapsed.TotalSeconds);
        SyncSummary.Write(context.Env.Out, result, context.Format, stats);
        return result;
    }
}
