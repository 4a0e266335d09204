namespace BatonOktaAws.Store.C1z;

/// <summary>
/// One reason a principal holds a grant, in Baton's <c>GrantSources</c> terms: the id of an entitlement the grant
/// comes from — a group's membership entitlement for access through that group, or the grant's own entitlement
/// when it is also held directly.
/// </summary>
/// <param name="IsDirect">True when the principal holds that source entitlement directly (not itself through a group).</param>
public sealed record BatonGrantSource(string EntitlementId, bool IsDirect = true);
