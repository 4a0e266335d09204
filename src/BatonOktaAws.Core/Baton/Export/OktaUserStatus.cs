using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Core.Baton.Export;

/// <summary>
/// Okta's user status (Users API, <c>UserStatus</c>) in Baton's terms, which say whether the account is switched on,
/// not whether the user can sign in this minute. Okta's own status is kept in the user's profile (<c>status</c>).
/// The table, with the reasons, is in docs/c1z.md; it agrees with ConductorOne's baton-okta connector.
/// </summary>
public static class OktaUserStatus
{
    public static BatonUserStatus ToBaton(string? oktaStatus) => oktaStatus?.ToUpperInvariant() switch
    {
        // Switched on; the user may have a flow to finish (new password, recovery) or wait out a lockout.
        "ACTIVE" or "PROVISIONED" or "PASSWORD_EXPIRED" or "RECOVERY" or "LOCKED_OUT" => BatonUserStatus.Enabled,

        // Nobody can sign in: never activated, suspended, or deactivated. DEPROVISIONED users still exist in Okta
        // (and can be reactivated); a deleted user is simply gone from its API, so Baton's DELETED never applies.
        "STAGED" or "SUSPENDED" or "DEPROVISIONED" => BatonUserStatus.Disabled,

        // No status (a user known only by id) or one Okta may add later: not guessed.
        _ => BatonUserStatus.Unspecified,
    };
}
