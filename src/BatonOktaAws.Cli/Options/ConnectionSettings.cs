using BatonOktaAws.Core.Okta;

namespace BatonOktaAws.Cli.Options;

/// <summary>Where to connect and as whom, resolved from flags and environment variables.</summary>
internal sealed record ConnectionSettings(OktaDomain Domain, OktaApiToken Token, string AppId, OktaClientOptions ClientOptions);
