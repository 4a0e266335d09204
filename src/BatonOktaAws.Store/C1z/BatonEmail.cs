namespace BatonOktaAws.Store.C1z;

/// <summary>One of a user's email addresses; at most one should be primary.</summary>
public sealed record BatonEmail(string Address, bool IsPrimary);
