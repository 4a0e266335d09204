namespace BatonOktaAws.Store.C1z;

/// <summary>What makes a resource a user in Baton: emails, login, status and a free-form profile.</summary>
public sealed record BatonUserTrait(IReadOnlyList<BatonEmail> Emails, string? Login, BatonUserStatus Status, BatonProfile? Profile = null);
