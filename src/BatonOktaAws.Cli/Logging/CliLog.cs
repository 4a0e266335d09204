using Microsoft.Extensions.Logging;

namespace BatonOktaAws.Cli;

/// <summary>The command line's own log events; messages read as sentences (no enum or boolean names).</summary>
internal static partial class CliLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "--api-token puts the token where other users can read it (process lists, shell history); prefer BATON_API_TOKEN or --api-token-file")]
    public static partial void TokenOnCommandLine(ILogger logger);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "{Error:l}")]
    public static partial void Failed(ILogger logger, string error);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Failure details")]
    public static partial void FailureDetails(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Sync progress: {Activity:l}; {Requests} requests to Okta so far{ShareUsed:l}")]
    public static partial void Progress(ILogger logger, string activity, long requests, string shareUsed);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Sync finished: {File:l} with {Users} users, {Groups} groups, {Accounts} accounts, {Entitlements} entitlements, {Grants} grants, {AccessRows} access rows; {Requests} requests in {ElapsedSeconds:0.0} s")]
    public static partial void SyncFinished(ILogger logger, string file, long users, long groups, long accounts, long entitlements, long grants, long accessRows, long requests, double elapsedSeconds);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Demo: serving the bundled simulated Okta org at {BaseUrl:l}")]
    public static partial void DemoSimulator(ILogger logger, string baseUrl);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Interrupted: stopping safely (interrupt again, with Ctrl-C or another SIGTERM, to quit at once)")]
    public static partial void Interrupted(ILogger logger);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "{File:l} holds only its first sync: nothing to compare with yet, so nothing changed; the next sync will be compared with this one")]
    public static partial void FirstSyncNothingToCompare(ILogger logger, string file);
}
