namespace BatonOktaAws.Core.Aws;

/// <summary>One way a user may assume a role in an account.</summary>
public readonly record struct RoleAccess(AwsAccountId Account, SamlRole Role, AccessSource Source);
