namespace BatonOktaAws.Store.C1z;

/// <summary>What makes a resource a group in Baton: a free-form profile.</summary>
public sealed record BatonGroupTrait(BatonProfile? Profile = null);
