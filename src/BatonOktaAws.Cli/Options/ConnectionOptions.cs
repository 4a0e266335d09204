using System.CommandLine;
using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Paging;
using Microsoft.Extensions.Logging;

namespace BatonOktaAws.Cli.Options;

/// <summary>
/// The flags every command that talks to Okta shares: the org, the token, the AWS app and client tuning; and, for
/// a command that reads whole lists (sync), their page sizes.
/// </summary>
internal sealed class ConnectionOptions
{
    private readonly bool _readsLists;

    /// <param name="readsLists">Whether the command reads group member and group lists, so their page sizes are flags of it.</param>
    public ConnectionOptions(bool readsLists = false) => _readsLists = readsLists;

    public Option<string?> Domain { get; } = new Option<string?>("--domain")
    {
        Description = "Okta org domain, e.g. acme.okta.com or https://acme.okta.com. Plain http only for 127.0.0.1, localhost or [::1].",
        HelpName = "domain",
    }.MarkRequired();

    public Option<string?> ApiToken { get; } = new Option<string?>("--api-token")
    {
        Description = "Okta API token. On the command line it is visible in process lists: prefer the variable or --api-token-file.",
        HelpName = "token",
    }.MarkSecret();

    public Option<string?> ApiTokenFile { get; } = new("--api-token-file")
    {
        Description = "File holding the Okta API token.",
        HelpName = "path",
    };

    public Option<string?> AppId { get; } = new Option<string?>("--aws-okta-app-id")
    {
        Description = "The Okta 'Amazon Web Services' apps: 'all' (every ACTIVE amazon_aws app of the org), one app id (0oa..., from its Admin Console URL), or ids separated by commas.",
        HelpName = "all|app-id[,app-id...]",
    }.MarkRequired();

    public NumberOption Concurrency { get; } = new("--concurrency", 1, 64, 8, "Requests to Okta in flight at once.");

    public NumberOption TokenRateLimitPercent { get; } = new("--token-rate-limit-percent", 1, 100, 50, "Share of each Okta rate limit this API token may use, as set for the token in Okta.");

    public NumberOption RequestTimeout { get; } = new("--request-timeout", 1, 600, 30, "Seconds one request to Okta may take before it is retried.");

    public NumberOption MaxResponseMegabytes { get; } = new("--max-response-mb", 1, (int)(OktaClientOptions.MaxResponseBytesLimit / (1024 * 1024)), (int)(OktaClientOptions.DefaultMaxResponseBytes / (1024 * 1024)), "The most the client reads of one Okta response, in MiB; a longer answer fails that request instead of filling memory (the largest real page is about 16 MiB).");

    public NumberOption GroupMembersPageSize { get; } = new("--group-members-page-size", 1, OktaPageLimits.MaxGroupMembers, OktaPageLimits.GroupMembers, "Members per page when reading a group's members (Okta recommends 200; see docs/benchmarks.md).");

    public NumberOption GroupsPageSize { get; } = new("--groups-page-size", 1, OktaPageLimits.MaxGroups, OktaPageLimits.Groups, "Groups per page when listing groups, for group mapping and admin roles (Okta recommends 200 or fewer).");

    public void AddTo(Command command)
    {
        OptionTraits.ExactlyOneOf(ApiToken, ApiTokenFile);
        command.Add(Domain);
        command.Add(ApiToken);
        command.Add(ApiTokenFile);
        command.Add(AppId);
        command.Add(Concurrency);
        command.Add(TokenRateLimitPercent);
        command.Add(RequestTimeout);
        command.Add(MaxResponseMegabytes);
        if (_readsLists)
        {
            command.Add(GroupMembersPageSize);
            command.Add(GroupsPageSize);
        }
    }

    /// <param name="appsWhenUnset">The apps when --aws-okta-app-id is not given; null makes it required.</param>
    /// <exception cref="UsageException">A setting is missing or invalid; the message names the flag or variable.</exception>
    public ConnectionSettings Resolve(OptionValues values, ILogger logger, AppSelection? appsWhenUnset = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var domainText = values.Get(Domain) ?? throw Missing("the Okta domain", Domain);
        OktaDomain domain;
        try
        {
            domain = OktaDomain.Parse(domainText);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"{values.SourceOf(Domain)}: {ex.Message}", ex);
        }

        var token = ResolveToken(values, logger);
        var appText = values.Get(AppId);
        AppSelection apps;
        try
        {
            apps = appText is null
                ? appsWhenUnset ?? throw Missing("the AWS apps ('all' or app ids)", AppId)
                : AppSelection.Parse(appText);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"{values.SourceOf(AppId)}: {ex.Message}", ex);
        }

        var clientOptions = new OktaClientOptions
        {
            MaxConcurrentRequests = values.Get(Concurrency),
            TokenRateLimitShare = values.Get(TokenRateLimitPercent) / 100.0,
            RequestTimeout = TimeSpan.FromSeconds(values.Get(RequestTimeout)),
            MaxResponseBytes = values.Get(MaxResponseMegabytes) * 1024L * 1024,
            GroupMembersPageSize = _readsLists ? values.Get(GroupMembersPageSize) : GroupMembersPageSize.Default,
            GroupsPageSize = _readsLists ? values.Get(GroupsPageSize) : GroupsPageSize.Default,
        };
        return new ConnectionSettings(domain, token, apps, clientOptions);
    }

    /// <summary>
    /// The token from the command line (--api-token-file, or --api-token with a warning), else from
    /// BATON_API_TOKEN or BATON_API_TOKEN_FILE. Two sources at the same level are refused rather than guessed between.
    /// </summary>
    private OktaApiToken ResolveToken(OptionValues values, ILogger logger)
    {
        var tokenOnLine = values.IsOnCommandLine(ApiToken);
        var fileOnLine = values.IsOnCommandLine(ApiTokenFile);
        if (tokenOnLine && fileOnLine)
        {
            throw new UsageException("Give either --api-token or --api-token-file, not both.");
        }

        Option source;
        if (tokenOnLine || fileOnLine)
        {
            source = tokenOnLine ? ApiToken : ApiTokenFile;
        }
        else
        {
            var tokenInVariable = values.IsGiven(ApiToken);
            var fileInVariable = values.IsGiven(ApiTokenFile);
            if (tokenInVariable && fileInVariable)
            {
                throw new UsageException($"Set either {EnvironmentFallback.VariableFor(ApiToken)} or {EnvironmentFallback.VariableFor(ApiTokenFile)}, not both.");
            }

            source = tokenInVariable ? ApiToken
                : fileInVariable ? ApiTokenFile
                : throw new UsageException("Missing the Okta API token: set BATON_API_TOKEN or pass --api-token-file (or --api-token).");
        }

        var name = values.SourceOf(source);
        string text;
        if (source == ApiTokenFile)
        {
            text = ReadTokenFile(values.Get(ApiTokenFile)!, name);
        }
        else
        {
            if (tokenOnLine)
            {
                CliLog.TokenOnCommandLine(logger);
            }

            text = values.Get(ApiToken)!;
        }

        try
        {
            return OktaApiToken.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"{name}: {ex.Message}", ex);
        }
    }

    private static string ReadTokenFile(string path, string source)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{source}: cannot read the token file {path} ({ex.Message}).", ex);
        }
    }

    private static UsageException Missing(string what, Option option) =>
        new($"Missing {what}: pass {option.Name} or set {EnvironmentFallback.VariableFor(option)}.");
}
