using BatonOktaAws.Core.Iam.Analysis;

namespace BatonOktaAws.Core.Tests.Iam;

public sealed class SamlTrustTests
{
    [Fact]
    public void TrustsSamlProvider_OktaTrustWithAudienceCondition_IsTrustedAndReportsTheCondition()
    {
        var trust = IamFixtures.A.AnalyzeRole(IamFixtures.Role(IamFixtures.A, "Admin")).TrustsSamlProvider(IamFixtures.OktaProviderA);

        Assert.Equal(SamlTrustStatus.Trusted, trust.Status);
        Assert.Equal(["statement 0"], trust.AllowedBy);
        var condition = Assert.Single(trust.Conditions);
        Assert.Equal("StringEquals SAML:aud = [https://signin.aws.amazon.com/saml]", condition.ToString());
        Assert.False(trust.ThroughWildcardPrincipal);
    }

    [Fact]
    public void TrustsSamlProvider_ActionListWithTagSession_IsTrusted()
    {
        Assert.True(IamFixtures.A.AnalyzeRole(IamFixtures.Role(IamFixtures.A, "ReadOnly")).TrustsSamlProvider(IamFixtures.OktaProviderA).IsTrusted);
    }

    [Fact]
    public void TrustsSamlProvider_UrlEncodedTrustWithPrincipalAndActionLists_IsTrusted()
    {
        Assert.True(IamFixtures.B.AnalyzeRole(IamFixtures.Role(IamFixtures.B, "Operator")).TrustsSamlProvider(IamFixtures.OktaProviderB).IsTrusted);
    }

    [Fact]
    public void TrustsSamlProvider_ExplicitDenyForTheProvider_IsDenied()
    {
        var trust = IamFixtures.A.AnalyzeRole(IamFixtures.Role(IamFixtures.A, "Auditor")).TrustsSamlProvider(IamFixtures.OktaProviderA);

        Assert.Equal(SamlTrustStatus.Denied, trust.Status);
        Assert.Equal("statement 1 (Sid OffboardedFromOkta)", trust.DeniedBy);
    }

    [Theory]
    [InlineData("BreakGlass")] // trusts the account root with MFA
    [InlineData("ec2-app")] // trusts EC2
    [InlineData("ci-deploy")] // trusts GitHub's OIDC provider
    [InlineData("LegacyAdmins")] // trusts another SAML provider
    public void TrustsSamlProvider_RoleWithoutOktaTrust_IsNotTrusted(string roleName)
    {
        var trust = IamFixtures.A.AnalyzeRole(IamFixtures.Role(IamFixtures.A, roleName)).TrustsSamlProvider(IamFixtures.OktaProviderA);

        Assert.Equal(SamlTrustStatus.NotTrusted, trust.Status);
        Assert.Empty(trust.AllowedBy);
    }

    [Fact]
    public void TrustsSamlProvider_ProviderOfAnotherAccount_IsNotTrusted()
    {
        Assert.False(IamFixtures.B.AnalyzeRole(IamFixtures.Role(IamFixtures.B, "Admin")).TrustsSamlProvider(IamFixtures.OktaProviderA).IsTrusted);
    }

    [Fact]
    public void TrustsSamlProvider_WildcardPrincipalAndStsStar_IsTrustedThroughTheWildcard()
    {
        var account = IamTestExports.WithTrustPolicy("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:*"}]}""");

        var trust = account.Subject().TrustsSamlProvider(IamFixtures.OktaProviderA);

        Assert.True(trust.IsTrusted);
        Assert.True(trust.ThroughWildcardPrincipal);
    }

    [Fact]
    public void TrustsSamlProvider_ConditionalDeny_StaysTrustedAndReportsTheDeny()
    {
        var account = IamTestExports.WithTrustPolicy("""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:saml-provider/Okta"},"Action":"sts:AssumeRoleWithSAML"},
              {"Sid":"OnlyFromOffice","Effect":"Deny","Principal":"*","Action":"sts:*","Condition":{"NotIpAddress":{"aws:SourceIp":"198.51.100.0/24"}}}]}
            """);

        var trust = account.Subject().TrustsSamlProvider(IamFixtures.OktaProviderA);

        Assert.True(trust.IsTrusted);
        Assert.Equal("statement 1 (Sid OnlyFromOffice): NotIpAddress aws:SourceIp = [198.51.100.0/24]", Assert.Single(trust.ConditionalDenies));
    }

    [Fact]
    public void TrustsSamlProvider_NotActionOnAssumeRoleWithSaml_IsNotTrusted()
    {
        var account = IamTestExports.WithTrustPolicy("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:saml-provider/Okta"},"NotAction":"sts:AssumeRoleWithSAML"}]}
            """);

        Assert.Equal(SamlTrustStatus.NotTrusted, account.Subject().TrustsSamlProvider(IamFixtures.OktaProviderA).Status);
    }

    [Fact]
    public void SamlProviders_Account_ListsEveryProviderWithTheRolesTrustingIt()
    {
        var providers = IamFixtures.A.SamlProviders();

        Assert.Equal(["arn:aws:iam::123456789012:saml-provider/Okta", "arn:aws:iam::123456789012:saml-provider/OldADFS"], providers.Select(p => p.ProviderArn));
        // Auditor names Okta but denies it, so it is not among the roles Okta users can reach.
        Assert.Equal(["Admin", "BoundedAdmin", "Deployer", "Developer", "ReadOnly"], providers[0].TrustingRoles.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["LegacyAdmins"], providers[1].TrustingRoles.Select(r => r.Name));
    }

    [Fact]
    public void AnalyzeRole_OktaRole_ListsTheProvidersItsTrustNames()
    {
        var analysis = IamFixtures.A.AnalyzeRole(IamFixtures.Role(IamFixtures.A, "Auditor"));

        var trust = Assert.Single(analysis.SamlProviders);
        Assert.Equal(IamFixtures.OktaProviderA, trust.ProviderArn);
        Assert.Equal(SamlTrustStatus.Denied, trust.Status);
    }
}
