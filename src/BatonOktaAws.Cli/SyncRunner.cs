using BatonOktaAws.Cli.Options;
using BatonOktaAws.Cli.Output;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Sync;
using BatonOktaAws.Store;

namespace BatonOktaAws.Cli;

/// <summary>Runs a sync for <c>sync</c> and <c>demo</c>: the engine, a progress display and the summary.</summary>
internal static class SyncRunner
{
    /// <summary>Syncs and prints the summary.</summary>
    public static async Task<SyncResult> RunAsync(CommandContext context, ConnectionSettings connection, SyncOptions options, CancellationToken cancellationToken)
    {
        var (result, stats) = await SyncAsync(context, connection, options, cancellationToken).ConfigureAwait(false);
        SyncSummary.Write(context.Env.Out, result, context.Format, stats);
        return result;
    }

    /// <summary>Syncs with a progress display; the summary is the caller's to print.</summary>
    /// <exception cref="RunCancelledException">Interrupted: the message says what was kept and how to continue.</exception>
    public static async Task<(SyncResult Result, ProcessStats Stats)> SyncAsync(CommandContext context, ConnectionSettings connection, SyncOptions options, CancellationToken cancellationToken)
    {
        using var client = new OktaClient(connection.Domain, connection.Token, connection.ClientOptions, context.Loggers, context.Env.Time);
        SyncResult result;
        try
        {
            using var progress = ProgressDisplay.Create(context, client);
            var engine = new SyncEngine(client, context.Loggers, context.Env.Time, progress);
            result = await engine.RunAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new RunCancelledException(Interrupted(options), ex);
        }

        CliLog.SyncFinished(context.Logger, result.FilePath, result.Counts.Users, result.Counts.Groups, result.Counts.Accounts, result.Counts.Entitlements, result.Counts.Grants, result.Counts.AccessRows, result.Requests, result.Elapsed.TotalSeconds);
        return (result, ProcessStats.Capture());
    }

    /// <summary>What an interrupted sync kept, and the command that continues it.</summary>
    internal static string Interrupted(SyncOptions options)
    {
        var paths = new SyncFilePaths(options.FilePath);
        var previous = File.Exists(paths.Target)
            ? $"the previous sync file {paths.Target} is unchanged"
            : $"no sync file was written at {paths.Target}";
        return File.Exists(paths.Partial)
            ? $"Interrupted: {previous}; what was read so far is kept in {paths.Partial}. Run 'baton-okta-aws sync --resume' with the same --file and settings to continue from there."
            : $"Interrupted before anything was kept: {previous}. Run 'baton-okta-aws sync' again to start over.";
    }
}
