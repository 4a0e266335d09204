using Microsoft.Extensions.Logging;

namespace BatonOktaAws.Core.Sync;

/// <summary>The sync engine's log events.</summary>
internal static partial class SyncLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Finding the AWS apps ({Selection:l}) in {Domain:l}")]
    public static partial void Discovering(ILogger logger, Aws.AppSelection selection, Okta.OktaDomain domain);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "{Warning:l}")]
    public static partial void AppWarning(ILogger logger, string warning);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "App {App:l}: {Mode:l} mode, {Accounts:l}, joinAllRoles {JoinAllRoles:l}, samlRoles union {Union:l}")]
    private static partial void AppSettings(ILogger logger, string app, string mode, string accounts, string joinAllRoles, string union);

    public static void AppSettings(ILogger logger, Aws.AwsAppContext app)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var name = app.Describe();
            var accounts = app.Settings.Mode == Aws.AwsAppMode.SingleAccount ? $"account {app.Settings.AccountId}" : "accounts from group names";
            AppSettings(logger, name, app.Settings.ModeName, accounts, app.Settings.JoinAllRoles ? "on" : "off", app.SamlRolesUnion ? "on" : "off");
        }
    }

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Discarding the partial file of an earlier, unfinished sync: {Partial:l}")]
    public static partial void DiscardingPartial(ILogger logger, string partial);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Resuming the unfinished sync in {Partial:l}")]
    public static partial void Resuming(ILogger logger, string partial);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Reading the users, group assignments and group members of {Apps} app(s)")]
    public static partial void Fetching(ILogger logger, int apps);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "Deriving who can assume which AWS role through {App:l}")]
    private static partial void Deriving(ILogger logger, string app);

    public static void Deriving(ILogger logger, Aws.AwsAppContext app)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var name = app.Describe();
            Deriving(logger, name);
        }
    }

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "Earlier syncs were not kept: {Note:l}")]
    public static partial void HistoryNotKept(ILogger logger, string note);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Debug, Message = "Could not record the request count in the partial file")]
    public static partial void CouldNotRecordRequests(ILogger logger, Exception exception);
}
