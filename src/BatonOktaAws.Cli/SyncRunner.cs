using BatonOktaAws.Cli.Commands;
using BatonOktaAws.Cli.Logging;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Cli.Output;
using BatonOktaAws.Core.Baton.Export;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Sync;
using BatonOktaAws.Store;
using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Cli;

/// <summary>Runs a sync for <c>sync</c> and <c>demo</c>: the engine, a progress display and the summary.</summary>
internal static class SyncRunner
{
    /// <summary>Syncs, writes the c1z when <paramref name="c1zPath"/> is given (a checked target), and prints the summary.</summary>
    public static async Task<SyncResult> RunAsync(CommandContext context, ConnectionSettings connection, SyncOptions options, string? c1zPath, CancellationToken cancellationToken)
    {
        var (result, stats) = await SyncAsync(context, connection, options, cancellationToken).ConfigureAwait(false);
        if (c1zPath is null)
        {
            SyncSummary.Write(context.Env.Out, result, context.Format, stats);
            return result;
        }

        var source = $"sync {result.SyncId} of {result.FilePath}";
        var c1z = WriteC1z(result, c1zPath, context.Env.Time, context.Logger, cancellationToken);
        if (context.Format == LogFormat.Json)
        {
            SyncSummary.WriteJson(context.Env.Out, result, stats, json =>
            {
                json.WriteStartObject("c1z");
                ExportOutput.WriteFields(json, c1z, source);
                json.WriteEndObject();
            });
        }
        else
        {
            SyncSummary.Write(context.Env.Out, result, context.Format, stats);
            context.Env.Out.WriteLine($"  {ExportOutput.Line(c1z, source)}");
        }

        return result;
    }

    /// <summary>
    /// The sync file is in place; the c1z follows from it. If writing it fails or is interrupted, the previous c1z
    /// stays as it was and the message says that the sync file was written.
    /// </summary>
    internal static C1zWriteResult WriteC1z(SyncResult result, string c1zPath, TimeProvider time, Microsoft.Extensions.Logging.ILogger logger, CancellationToken cancellationToken)
    {
        var source = $"sync {result.SyncId} of {result.FilePath}";
        var kept = File.Exists(c1zPath) ? $"the previous c1z {c1zPath} is unchanged" : $"no c1z was written at {c1zPath}";
        var retry = $"run 'baton-okta-aws export --file {result.FilePath} --out {c1zPath}' to write it";
        try
        {
            using var reader = SyncFileReader.Open(result.FilePath);
            var c1z = C1zExport.Write(reader.Sync(result.SyncId), c1zPath, time, cancellationToken);
            ExportLog.Written(logger, c1z.Path, source, c1z.Grants);
            return c1z;
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new RunCancelledException($"Interrupted while writing the c1z: the sync file {result.FilePath} was written (sync {result.SyncId}), {kept}; {retry}.", ex);
        }
        catch (Exception ex) when (ex is C1zException or SyncFileException or IOException or UnauthorizedAccessException)
        {
            throw new C1zException($"The sync file {result.FilePath} was written (sync {result.SyncId}), but the c1z was not ({ex.Message.TrimEnd('.')}); {kept}; {retry}.", ex);
        }
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
