namespace BatonOktaAws.Store.C1z;

/// <summary>
/// Baton's <c>GrantExpandable</c>: on a grant to a group-like principal, says that every principal holding one of
/// <see cref="EntitlementIds"/> (typically the group's membership) holds the grant's entitlement too.
/// </summary>
/// <param name="Shallow">Only principals holding those entitlements directly get it, not those holding them through expansion.</param>
public sealed record BatonGrantExpandable(IReadOnlyList<string> EntitlementIds, bool Shallow = false);
