using Microsoft.Extensions.Logging;

namespace BatonOktaAws.Core.Sync;

/// <summary>The sync engine's log events.</summary>
internal static partial class SyncLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Reading the AWS app {AppId} from {Domain}")]
    public static partial void ReadingApp(ILogger logger, string appId, Okta.OktaDomain domain);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "{Warning}")]
    public static partial void AppWarning(ILogger logger, string warning);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "App {Label}: {Mode} mode, account {Account}, joinAllRoles {JoinAllRoles}, samlRoles union {Union}")]
    public static partial void AppSettings(ILogger logger, string? label, string mode, string account, bool joinAllRoles, bool union);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Discarding the partial file of an earlier, unfinished sync: {Partial}")]
    public static partial void DiscardingPartial(ILogger logger, string partial);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Resuming the unfinished sync in {Partial}")]
    public static partial void Resuming(ILogger logger, string partial);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Fetching app users, group assignments and group members")]
    public static partial void Fetching(ILogger logger);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "Deriving who can assume which AWS role ({AppUsers} app users read in this run)")]
    public static partial void Deriving(ILogger logger, long appUsers);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Listing groups named {Prefix}... to match the group filter {Filter}")]
    public static partial void ListingGroupsByPrefix(ILogger logger, string prefix, string filter);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "Listing all groups to match the group filter {Filter}")]
    public static partial void ListingAllGroups(ILogger logger, string filter);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Debug, Message = "Resuming {Stream} after {Pages} pages")]
    public static partial void ResumingStream(ILogger logger, string stream, long pages);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Debug, Message = "Could not record the request count in the partial file")]
    public static partial void CouldNotRecordRequests(ILogger logger, Exception exception);
}
