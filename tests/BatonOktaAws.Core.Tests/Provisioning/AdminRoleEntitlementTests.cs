using BatonOktaAws.Core.Baton;
using BatonOktaAws.Core.Provisioning;

namespace BatonOktaAws.Core.Tests.Provisioning;

/// <summary>Okta admin roles are in the sync file's model but are read-only: grant and revoke refuse them.</summary>
public sealed class AdminRoleEntitlementTests
{
    [Fact]
    public void EntitlementId_AdminRole_ParsesAsARoleAssignment()
    {
        Assert.True(EntitlementId.TryParse("role:SUPER_ADMIN:assigned", out var id));
        Assert.True(id.IsAdminRole);
        Assert.False(id.IsAccountRole || id.IsGroupMembership);
        Assert.Equal(EntitlementId.AdminRoleAssigned("SUPER_ADMIN"), id);
        Assert.True(GrantId.TryParse("role:cr0custom1:assigned:group:00g1", out var grant));
        Assert.Equal(("group", "00g1"), (grant.PrincipalType, grant.PrincipalId));
        Assert.False(EntitlementId.TryParse("role:SUPER_ADMIN:member", out _));
    }

    [Fact]
    public void Grant_AdminRoleEntitlement_IsRefusedBeforeAnythingIsAsked()
    {
        var error = Assert.Throws<ProvisioningException>(() => ChangeParser.Grant("role:SUPER_ADMIN:assigned", "user", "alice@acme.example"));

        Assert.Equal("role:SUPER_ADMIN:assigned is an Okta admin role: grant and revoke change AWS access only; assign admin roles in Okta.", error.Message);
    }

    [Fact]
    public void Revoke_AdminRoleGrant_IsRefused()
    {
        var error = Assert.Throws<ProvisioningException>(() => ChangeParser.Revoke("role:APP_ADMIN:assigned:user:00u1"));

        Assert.StartsWith("role:APP_ADMIN:assigned is an Okta admin role", error.Message, StringComparison.Ordinal);
    }
}
