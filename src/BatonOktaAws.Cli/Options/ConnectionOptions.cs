using System.CommandLine;
using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta;
using Microsoft.Extensions.Logging;

namespace BatonOktaAws.Cli.Options;

/// <summary>The flags every command that talks to Okta shares: the org, the token, the AWS app and client tuning.</summary>
internal sealed class ConnectionOptions
{
    public Option<string?> Domain { get; } = new("--domain")
    {
        Description = "Okta org domain, e.g. acme.okta.com or https://acme.okta.com (env BATON_DOMAIN). Plain http only for 127.0.0.1/localhost/[::1].",
    };

    public Option<string?> ApiToken { get; } = new("--api-token")
    {
        Description = "Okta API token. Visible in process lists: prefer BATON_API_TOKEN or --api-token-file.",
    };

    public Option<string?> ApiTokenFile { get; } = new("--api-token-file")
    {
        Description = "File holding the Okta API token (env BATON_API_TOKEN_FILE).",
    };

    public Option<string?> AppId { get; } = new("--aws-okta-app-id")
    {
        Description = "The Okta 'Amazon Web Services' apps: 'all' (every ACTIVE amazon_aws app), one app id, or ids separated by commas (env BATON_AWS_OKTA_APP_ID).",
    };

    public Option<int?> Concurrency { get; } = new("--concurrency")
    {
        Description = "Requests to Okta in flight at once (default 8; env BATON_CONCURRENCY).",
    };

    public Option<int?> TokenRateLimitPercent { get; } = new("--token-rate-limit-percent")
    {
        Description = "Share of each Okta rate limit this API token may use, as set in Okta (default 50; env BATON_TOKEN_RATE_LIMIT_PERCENT).",
    };

    public Option<int?> RequestTimeout { get; } = new("--request-timeout")
    {
        Description = "Seconds one request to Okta may take before it is retried (default 30; env BATON_REQUEST_TIMEOUT).",
    };

    public void AddTo(Command command)
    {
        command.Add(Domain);
        command.Add(ApiToken);
        command.Add(ApiTokenFile);
        command.Add(AppId);
        command.Add(Concurrency);
        command.Add(TokenRateLimitPercent);
        command.Add(RequestTimeout);
    }

    /// <exception cref="UsageException">A setting is missing or invalid; the message names the flag and its variable.</exception>
    public ConnectionSettings Resolve(ParseResult parse, CliEnvironment env, ILogger logger)
    {
        var domainText = EnvironmentFallback.Text(parse, Domain, env)
            ?? throw Missing("the Okta domain", Domain);
        OktaDomain domain;
        try
        {
            domain = OktaDomain.Parse(domainText);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"--domain: {ex.Message}", ex);
        }

        var token = ResolveToken(parse, env, logger);
        var appText = EnvironmentFallback.Text(parse, AppId, env) ?? throw Missing("the AWS apps ('all' or app ids)", AppId);
        AppSelection apps;
        try
        {
            apps = AppSelection.Parse(appText);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"--aws-okta-app-id: {ex.Message}", ex);
        }

        var concurrency = EnvironmentFallback.Number(parse, Concurrency, env) ?? 8;
        var percent = EnvironmentFallback.Number(parse, TokenRateLimitPercent, env) ?? 50;
        var timeout = EnvironmentFallback.Number(parse, RequestTimeout, env) ?? 30;
        if (concurrency is < 1 or > 64)
        {
            throw new UsageException($"--concurrency must be between 1 and 64 (got {concurrency}).");
        }

        if (percent is < 1 or > 100)
        {
            throw new UsageException($"--token-rate-limit-percent must be between 1 and 100 (got {percent}).");
        }

        if (timeout is < 1 or > 600)
        {
            throw new UsageException($"--request-timeout must be between 1 and 600 seconds (got {timeout}).");
        }

        var clientOptions = new OktaClientOptions
        {
            MaxConcurrentRequests = concurrency,
            TokenRateLimitShare = percent / 100.0,
            RequestTimeout = TimeSpan.FromSeconds(timeout),
        };
        return new ConnectionSettings(domain, token, apps, clientOptions);
    }

    private OktaApiToken ResolveToken(ParseResult parse, CliEnvironment env, ILogger logger)
    {
        var fromFlag = parse.GetValue(ApiToken);
        var fileFlag = parse.GetValue(ApiTokenFile);
        if (!string.IsNullOrEmpty(fromFlag) && !string.IsNullOrEmpty(fileFlag))
        {
            throw new UsageException("Give either --api-token or --api-token-file, not both.");
        }

        string? text;
        string source;
        if (!string.IsNullOrEmpty(fileFlag))
        {
            (text, source) = (ReadTokenFile(fileFlag, "--api-token-file"), "--api-token-file");
        }
        else if (!string.IsNullOrEmpty(fromFlag))
        {
            CliLog.TokenOnCommandLine(logger);
            (text, source) = (fromFlag, "--api-token");
        }
        else if (env.GetVariable("BATON_API_TOKEN") is { Length: > 0 } variable)
        {
            (text, source) = (variable, "BATON_API_TOKEN");
        }
        else if (env.GetVariable(EnvironmentFallback.VariableFor(ApiTokenFile)) is { Length: > 0 } file)
        {
            (text, source) = (ReadTokenFile(file, "BATON_API_TOKEN_FILE"), "BATON_API_TOKEN_FILE");
        }
        else
        {
            throw new UsageException("Missing the Okta API token: set BATON_API_TOKEN or pass --api-token-file (or --api-token).");
        }

        try
        {
            return OktaApiToken.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"{source}: {ex.Message}", ex);
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
