using BatonOktaAws.Core.Iam;
using BatonOktaAws.Core.Iam.Analysis;

namespace BatonOktaAws.Core.Tests.Iam;

public sealed class RoleLookupTests
{
    [Fact]
    public void LookupRole_RoleWithoutPath_IsFoundWithItsAnalysis()
    {
        var lookup = IamFixtures.A.LookupRole("Admin");

        Assert.Equal(RoleLookupStatus.Found, lookup.Status);
        Assert.Equal("arn:aws:iam::123456789012:role/Admin", lookup.ExpectedArn);
        Assert.True(lookup.Analysis!.Admin.IsAdminEquivalent);
        Assert.Equal(["arn:aws:iam::aws:policy/AdministratorAccess"], lookup.Analysis.AttachedPolicies.Select(p => p.Arn));
    }

    [Fact]
    public void LookupRole_RoleWithPathAndDefaultPattern_IsFoundByNameButFlagsTheArn()
    {
        var lookup = IamFixtures.A.LookupRole("Deployer");

        Assert.Equal(RoleLookupStatus.FoundArnDiffers, lookup.Status);
        Assert.Equal("/team/", lookup.Analysis!.Path);
        Assert.Equal(
            "The role has the path /team/, so its ARN is arn:aws:iam::123456789012:role/team/Deployer; Okta sends arn:aws:iam::123456789012:role/Deployer.",
            Assert.Single(lookup.Notes));
    }

    [Fact]
    public void LookupRole_RoleWithPathAndAPatternThatCarriesIt_IsFound()
    {
        var lookup = IamFixtures.A.LookupRole("Deployer", "arn:aws:iam::${accountid}:saml-provider/Okta,arn:aws:iam::${accountid}:role/team/${role}");

        Assert.Equal(RoleLookupStatus.Found, lookup.Status);
    }

    [Fact]
    public void LookupRole_NameInOtherCase_IsFoundButFlagged()
    {
        var lookup = IamFixtures.A.LookupRole("readonly");

        Assert.Equal(RoleLookupStatus.FoundArnDiffers, lookup.Status);
        Assert.Equal("ReadOnly", lookup.Analysis!.Name);
        Assert.Contains("ignore case", Assert.Single(lookup.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void LookupRole_NoSuchRoleInACompleteExport_IsNotFound()
    {
        var lookup = IamFixtures.B.LookupRole("Billing");

        Assert.Equal(RoleLookupStatus.NotFound, lookup.Status);
        Assert.Null(lookup.Analysis);
    }

    [Fact]
    public void LookupRole_NoSuchRoleInAnIncompleteExport_IsUnknown()
    {
        var account = Assert.Single(IamExportLoader.Load(IamFixtures.Path("truncated-pages")).Accounts);

        var lookup = account.LookupRole("ReadOnly"); // on the missing second page

        Assert.Equal(RoleLookupStatus.Unknown, lookup.Status);
        Assert.Contains("missing pages", Assert.Single(lookup.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void LookupRole_AccountWithOnlyACredentialReport_IsUnknown()
    {
        var account = Assert.Single(IamExportLoader.Load(IamFixtures.Path("estate", "credential-report-210987654321.json")).Accounts);

        Assert.Equal(RoleLookupStatus.Unknown, account.LookupRole("Admin").Status);
    }

    [Theory]
    [InlineData(null, "arn:aws:iam::123456789012:role/Admin", "arn:aws:iam::123456789012:saml-provider/OKTA")]
    [InlineData("arn:aws-us-gov:iam::${accountid}:saml-provider/Okta,arn:aws-us-gov:iam::${accountid}:role/${role}",
        "arn:aws-us-gov:iam::123456789012:role/Admin", "arn:aws-us-gov:iam::123456789012:saml-provider/Okta")]
    [InlineData("arn:aws:iam::${accountid}:role/okta/${role}", "arn:aws:iam::123456789012:role/okta/Admin", null)]
    public void OktaRoleValuePattern_Pattern_GivesTheArnsOktaSends(string? pattern, string roleArn, string? providerArn)
    {
        Assert.Equal(roleArn, OktaRoleValuePattern.RoleArn(pattern, IamFixtures.AccountA, "Admin"));
        Assert.Equal(providerArn, OktaRoleValuePattern.ProviderArn(pattern, IamFixtures.AccountA));
    }
}
