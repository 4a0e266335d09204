namespace BatonOktaAws.Store.C1z;

/// <summary>Which grants to read; every field set narrows the result, none set reads them all.</summary>
/// <param name="Resource">The resource the granted entitlement is on.</param>
public sealed record C1zGrantQuery(string? EntitlementId = null, BatonResourceId? Resource = null, BatonResourceId? Principal = null);
