namespace OktaSimulator.Model;

/// <summary>Okta user lifecycle statuses, spelled as the API spells them.</summary>
public static class UserStatus
{
    public const string Active = "ACTIVE";
    public const string Deprovisioned = "DEPROVISIONED";
    public const string LockedOut = "LOCKED_OUT";
    public const string PasswordExpired = "PASSWORD_EXPIRED";
    public const string Provisioned = "PROVISIONED";
    public const string Recovery = "RECOVERY";
    public const string Staged = "STAGED";
    public const string Suspended = "SUSPENDED";

    public static readonly IReadOnlyList<string> All =
        [Active, Deprovisioned, LockedOut, PasswordExpired, Provisioned, Recovery, Staged, Suspended];
}
