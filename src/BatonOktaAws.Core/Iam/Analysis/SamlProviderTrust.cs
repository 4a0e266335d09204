namespace BatonOktaAws.Core.Iam.Analysis;

/// <summary>
/// A SAML provider named in the account's trust policies, and the roles whose trust lets its users in — the
/// list to compare with the roles someone in Okta can actually assume.
/// </summary>
public sealed record SamlProviderTrust(string ProviderArn, IReadOnlyList<IamRole> TrustingRoles);
