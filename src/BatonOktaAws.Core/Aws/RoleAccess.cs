namespace BatonOktaAws.Core.Aws;

/// <summary>
/// One way a user may assume a role in an account. <see cref="Undocumented"/> marks access reported on the
/// conservative reading of a case Okta does not document (a group's default role under joinAllRoles or the
/// samlRoles union), so the sync can warn that a reviewer should confirm it.
/// </summary>
public readonly record struct RoleAccess(AwsAccountId Account, SamlRole Role, AccessSource Source, bool Undocumented = false);
