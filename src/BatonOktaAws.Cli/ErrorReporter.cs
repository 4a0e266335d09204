using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta.Errors;
using BatonOktaAws.Store;

namespace BatonOktaAws.Cli;

/// <summary>Turns any failure into an exit code and one line a person can act on (never a stack trace).</summary>
internal static class ErrorReporter
{
    public static (int ExitCode, string Message) Describe(Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var (code, message) = exception switch
        {
            UsageException usage => (ExitCode.UsageError, usage.Message),
            NotInSyncFileException missing => (ExitCode.NotInSyncFile, missing.Message),
            RunCancelledException cancelled => (ExitCode.Cancelled, cancelled.Message),
            OperationCanceledException when cancellationToken.IsCancellationRequested =>
                (ExitCode.Cancelled, "Cancelled before finishing; nothing was changed."),
            OktaApiException { IsUnauthorized: true } api =>
                (ExitCode.Failure, $"Okta rejected the API token ({api.Status} {api.ErrorCode}: {api.ErrorSummary}); check BATON_API_TOKEN or --api-token-file."),
            OktaApiException { IsForbidden: true } api =>
                (ExitCode.Failure, $"{api.Message} (the API token's admin role lacks a permission this needs)."),
            OktaResponseTooLargeException tooLarge =>
                (ExitCode.Failure, $"{tooLarge.Message} If it is a real Okta answer, raise --max-response-mb (now {tooLarge.LimitBytes / (1024 * 1024)})."),
            OktaException or AwsAppException or SyncFileException or Store.C1z.C1zException or Core.Provisioning.ProvisioningException or Core.Iam.IamExportException => (ExitCode.Failure, exception.Message),
            Microsoft.Data.Sqlite.SqliteException sqlite => (ExitCode.Failure, $"SQLite could not write or read the sync file: {sqlite.Message}"),
            IOException or UnauthorizedAccessException => (ExitCode.Failure, $"File system error: {exception.Message}"),
            _ => (ExitCode.Failure, $"Unexpected {exception.GetType().Name}: {exception.Message}"),
        };
        return (code, OneLine(message));
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
