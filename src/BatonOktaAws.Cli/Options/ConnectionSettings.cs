using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta;

namespace BatonOktaAws.Cli.Options;

/// <summary>Where to connect and as whom, resolved from flags and environment variables.</summary>
internal sealed record ConnectionSettings(OktaDomain Domain, OktaApiToken Token, AppSelection Apps, OktaClientOptions ClientOptions)
{
    /// <summary>The one app a command that changes an app works on.</summary>
    /// <exception cref="UsageException">The selection is <c>all</c> or names several apps.</exception>
    public string AppId => !Apps.All && Apps.Ids.Count == 1
        ? Apps.Ids[0]
        : throw new UsageException($"--aws-okta-app-id must name exactly one app here (got '{Apps}').");
}
