namespace BatonOktaAws.Core.Review;

/// <summary>
/// Okta's user statuses (Users API, <c>UserStatus</c>) and whether a user in them can sign in to Okta — and so reach
/// AWS through it. ACTIVE users can; PASSWORD_EXPIRED and RECOVERY users can once they finish the flow Okta puts them
/// through. STAGED and PROVISIONED users have never activated, LOCKED_OUT users are locked, SUSPENDED and
/// DEPROVISIONED users are switched off: access they hold is dormant, waiting for the account to come back.
/// </summary>
public static class UserStatuses
{
    public const string Active = "ACTIVE";
    public const string Deprovisioned = "DEPROVISIONED";

    private static readonly HashSet<string> CanSignIn = new(StringComparer.OrdinalIgnoreCase) { Active, "PASSWORD_EXPIRED", "RECOVERY" };

    /// <summary>True when a user with this status can sign in; an unknown (null) status is assumed able to, so nothing is hidden.</summary>
    public static bool CanAuthenticate(string? status) => status is null || CanSignIn.Contains(status);
}
