using BatonOktaAws.Core.Baton;

namespace BatonOktaAws.Core.Provisioning;

/// <summary>
/// One requested change: grant an entitlement to a principal, or revoke a grant. <see cref="Line"/> is the
/// line of a change file it came from (1 for a single command-line change).
/// </summary>
public sealed record ProvisioningChange(int Line, ChangeAction Action, EntitlementId Entitlement, string PrincipalType, string Principal)
{
    /// <summary>The grant this change creates or removes, in Baton's id form.</summary>
    public string GrantId => $"{Entitlement}:{PrincipalType}:{Principal}";

    public string PrincipalRef => $"{PrincipalType}:{Principal}";
}
