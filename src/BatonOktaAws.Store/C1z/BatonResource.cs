namespace BatonOktaAws.Store.C1z;

/// <summary>A Baton resource: a user, a group, or anything else that holds or offers entitlements.</summary>
/// <param name="Parent">The resource this one belongs to, if Baton should show it nested (e.g. a role under its account).</param>
/// <param name="User">Set on users; written as Baton's <c>UserTrait</c> annotation.</param>
/// <param name="Group">Set on groups; written as Baton's <c>GroupTrait</c> annotation.</param>
public sealed record BatonResource(
    BatonResourceId Id,
    string DisplayName,
    BatonResourceId? Parent = null,
    string? Description = null,
    BatonUserTrait? User = null,
    BatonGroupTrait? Group = null);
