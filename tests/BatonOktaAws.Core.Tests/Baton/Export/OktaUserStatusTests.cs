using BatonOktaAws.Core.Baton.Export;
using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Core.Tests.Baton.Export;

public sealed class OktaUserStatusTests
{
    [Theory]
    [InlineData("ACTIVE", BatonUserStatus.Enabled)]
    [InlineData("PROVISIONED", BatonUserStatus.Enabled)]
    [InlineData("PASSWORD_EXPIRED", BatonUserStatus.Enabled)]
    [InlineData("RECOVERY", BatonUserStatus.Enabled)]
    [InlineData("LOCKED_OUT", BatonUserStatus.Enabled)]
    [InlineData("STAGED", BatonUserStatus.Disabled)]
    [InlineData("SUSPENDED", BatonUserStatus.Disabled)]
    [InlineData("DEPROVISIONED", BatonUserStatus.Disabled)]
    [InlineData("deprovisioned", BatonUserStatus.Disabled)]
    [InlineData("SOMETHING_NEW", BatonUserStatus.Unspecified)]
    [InlineData(null, BatonUserStatus.Unspecified)]
    public void ToBaton_OktaStatus_IsDocumentedBatonStatus(string? okta, BatonUserStatus baton) =>
        Assert.Equal(baton, OktaUserStatus.ToBaton(okta));
}
