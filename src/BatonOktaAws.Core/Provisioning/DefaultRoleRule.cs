namespace BatonOktaAws.Core.Provisioning;

/// <summary>
/// The AWS app profile's single-valued default <c>role</c> applies when <c>samlRoles</c> is empty (Okta's AWS guide:
/// "If no values are selected for SAML user roles, then a value from the Role drop-down is used as a default role").
/// A revoke edits only <c>samlRoles</c>, so where that would switch the default role on, or the role to revoke is the
/// default role itself, it is refused rather than reported as done: the access answer would not lose exactly that role.
/// </summary>
internal static class DefaultRoleRule
{
    /// <summary>Why revoking <paramref name="role"/> from this profile cannot be done by editing samlRoles; null when it can.</summary>
    public static string? BlocksRevoke(IReadOnlyList<string> samlRoles, string? defaultRole, string role)
    {
        if (defaultRole is null)
        {
            return null;
        }

        var has = samlRoles.Contains(role, StringComparer.Ordinal);
        if (has && samlRoles.Count == 1)
        {
            return defaultRole == role
                ? $"{role} is its only samlRole and also its default role (profile.role), so it would remain after samlRoles is emptied; clear the assignment's Role in Okta, or remove the assignment."
                : $"taking {role} away empties its samlRoles, and Okta would then give its default role {defaultRole} (profile.role) instead; clear or change the assignment's Role in Okta first, then revoke.";
        }

        return !has && samlRoles.Count == 0 && defaultRole == role
            ? $"{role} comes from its default role (profile.role), not from samlRoles; clear the assignment's Role in Okta, or remove the assignment."
            : null;
    }
}
