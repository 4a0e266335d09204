using BatonOktaAws.Core.Iam.Analysis;

namespace BatonOktaAws.Core.Tests.Iam;

public sealed class AdminEquivalenceTests
{
    [Fact]
    public void AnalyzeRole_AdministratorAccessAttached_IsAdminEquivalentNamingThePolicy()
    {
        var admin = IamFixtures.A.AnalyzeRole(IamFixtures.Role(IamFixtures.A, "Admin")).Admin;

        var reason = Assert.Single(admin.Reasons);
        Assert.Equal(AdminReasonKind.AdministratorAccessAttached, reason.Kind);
        Assert.Equal("arn:aws:iam::aws:policy/AdministratorAccess", reason.GrantedBy[0].Policy.Arn);
        Assert.False(reason.Conditional);
        Assert.True(admin.IsComplete);
    }

    [Fact]
    public void AnalyzeRole_InlinePolicyAllowingEverything_IsAdminEquivalentNamingTheStatement()
    {
        var admin = IamFixtures.A.AnalyzeRole(IamFixtures.Role(IamFixtures.A, "LegacyAdmins")).Admin;

        var reason = Assert.Single(admin.Reasons);
        Assert.Equal(AdminReasonKind.AllActions, reason.Kind);
        Assert.Equal("inline policy 'everything' statement 0 (Sid LegacyFullAccess)", Assert.Single(reason.GrantedBy).ToString());
    }

    [Fact]
    public void AnalyzeRole_UrlEncodedInlineStarInLists_IsAdminEquivalent()
    {
        var admin = IamFixtures.B.AnalyzeRole(IamFixtures.Role(IamFixtures.B, "Operator")).Admin;

        Assert.Equal(AdminReasonKind.AllActions, Assert.Single(admin.Reasons).Kind);
    }

    [Fact]
    public void AnalyzeRole_EscalationActionThroughWildcard_IsAdminEquivalentPerMethod()
    {
        // Deployer's inline policy allows iam:Put* on *: PutRolePolicy, PutUserPolicy and PutGroupPolicy.
        var admin = IamFixtures.A.AnalyzeRole(IamFixtures.Role(IamFixtures.A, "Deployer")).Admin;

        Assert.True(admin.IsAdminEquivalent);
        Assert.All(admin.Reasons, r => Assert.Equal(AdminReasonKind.PrivilegeEscalation, r.Kind));
        Assert.Equal(["iam:PutGroupPolicy", "iam:PutRolePolicy", "iam:PutUserPolicy"], admin.Reasons.Select(r => r.Actions[0]).Order(StringComparer.Ordinal));
        Assert.All(admin.Reasons, r => Assert.Equal("inline policy 'deploy' statement 1 (Sid RolePolicies)", Assert.Single(r.GrantedBy).ToString()));
    }

    [Fact]
    public void AnalyzeRole_PassRoleOnEveryRoleWithLambdaCreateAndInvoke_IsAdminEquivalent()
    {
        var admin = IamFixtures.A.AnalyzeRole(IamFixtures.Role(IamFixtures.A, "ci-deploy")).Admin;

        var reason = Assert.Single(admin.Reasons);
        Assert.Equal(["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"], reason.Actions);
        Assert.All(reason.GrantedBy, g => Assert.Equal("arn:aws:iam::123456789012:policy/ci-deploy", g.Policy.Arn));
    }

    [Theory]
    [InlineData("Developer")] // PowerUserAccess, iam:Get*/List*, PassRole on role/app-*, PutRolePolicy on one other role
    [InlineData("ReadOnly")]
    [InlineData("Auditor")]
    [InlineData("ec2-app")]
    public void AnalyzeRole_PowerfulButNotAdmin_IsNotAdminEquivalent(string roleName)
    {
        var admin = IamFixtures.A.AnalyzeRole(IamFixtures.Role(IamFixtures.A, roleName)).Admin;

        Assert.False(admin.IsAdminEquivalent, string.Join("; ", admin.Reasons));
        Assert.Empty(admin.Defeated);
    }

    [Fact]
    public void AnalyzeRole_AllButIamWithPinnedPassRole_IsNotAdminEquivalent()
    {
        // Support may do everything outside iam, sts and organizations, and pass exactly one role.
        var admin = IamFixtures.B.AnalyzeRole(IamFixtures.Role(IamFixtures.B, "Support")).Admin;

        Assert.False(admin.IsAdminEquivalent, string.Join("; ", admin.Reasons));
    }

    [Fact]
    public void AnalyzeRole_AdministratorAccessUnderANarrowBoundary_IsDefeatedByTheBoundary()
    {
        var admin = IamFixtures.A.AnalyzeRole(IamFixtures.Role(IamFixtures.A, "BoundedAdmin")).Admin;

        Assert.False(admin.IsAdminEquivalent);
        Assert.True(admin.BoundaryEvaluated);
        Assert.Equal("arn:aws:iam::123456789012:policy/boundary-s3-only", admin.PermissionsBoundaryArn);
        var defeated = Assert.Single(admin.Defeated);
        Assert.Equal(AdminReasonKind.AdministratorAccessAttached, defeated.Kind);
        Assert.Equal("not allowed by the permissions boundary arn:aws:iam::123456789012:policy/boundary-s3-only", defeated.DefeatedBy);
    }

    [Fact]
    public void AnalyzeRole_AdministratorAccessDocumentMissingFromTheExport_UsesTheKnownDocument()
    {
        // Account B's export carries no AWS managed policies; alone, the analysis falls back to what AdministratorAccess grants.
        var account = Assert.Single(Core.Iam.IamExportLoader.Load(IamFixtures.Path("estate", "authorization-details-210987654321.json")).Accounts);

        var admin = account.AnalyzeRole(account.FindRole("Admin")!).Admin;

        var reason = Assert.Single(admin.Reasons);
        Assert.Equal(AdminReasonKind.AdministratorAccessAttached, reason.Kind);
        Assert.True(reason.GrantedBy[0].Policy.BuiltInDocument);
        Assert.Empty(admin.UnevaluatedPolicyArns);
    }

    [Fact]
    public void AnalyzeRole_UnconditionalDenyOfIam_DefeatsAdministratorAccess()
    {
        var account = IamTestExports.WithInlinePolicy(
            """{"Version":"2012-10-17","Statement":[{"Sid":"NoIam","Effect":"Deny","Action":"iam:*","Resource":"*"}]}""",
            attached: """[{"PolicyName":"AdministratorAccess","PolicyArn":"arn:aws:iam::aws:policy/AdministratorAccess"}]""");

        var admin = account.Subject().Admin;

        Assert.False(admin.IsAdminEquivalent, string.Join("; ", admin.Reasons));
        Assert.Contains(admin.Defeated, d => d.Kind == AdminReasonKind.AdministratorAccessAttached
            && d.DefeatedBy == "explicitly denied by inline policy 'under-test' statement 0 (Sid NoIam)");
    }

    [Fact]
    public void AnalyzeRole_ConditionalDeny_DoesNotDefeatButAConditionalAllowIsMarked()
    {
        var account = IamTestExports.WithInlinePolicy("""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":["203.0.113.0/24"]}}},
              {"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":false}}}]}
            """);

        var reason = Assert.Single(account.Subject().Admin.Reasons);

        Assert.Equal(AdminReasonKind.AllActions, reason.Kind);
        Assert.True(reason.Conditional);
    }

    [Fact]
    public void AnalyzeRole_NotActionExcludingOnlyS3_StillAllowsEverythingElseIncludingIam()
    {
        var account = IamTestExports.WithInlinePolicy("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"s3:*","Resource":"*"}}""");

        Assert.Equal(AdminReasonKind.AllActions, Assert.Single(account.Subject().Admin.Reasons).Kind);
    }

    [Fact]
    public void AnalyzeRole_IamStarOnEveryIamResource_IsAllIamActions()
    {
        var account = IamTestExports.WithInlinePolicy("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam::123456789012:*"}]}""");

        Assert.Equal(AdminReasonKind.AllIamActions, Assert.Single(account.Subject().Admin.Reasons).Kind);
    }

    [Fact]
    public void AnalyzeRole_IamFullAccessAttached_NamesThePolicy()
    {
        var account = IamTestExports.WithInlinePolicy(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}""",
            attached: """[{"PolicyName":"IAMFullAccess","PolicyArn":"arn:aws:iam::aws:policy/IAMFullAccess"}]""");

        Assert.Equal(AdminReasonKind.IamFullAccessAttached, Assert.Single(account.Subject().Admin.Reasons).Kind);
    }

    [Fact]
    public void AnalyzeRole_PutRolePolicyOnItsOwnArn_IsEscalation()
    {
        var account = IamTestExports.WithInlinePolicy(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PutRolePolicy","Resource":"arn:aws:iam::123456789012:role/Subject"}]}""");

        Assert.Equal(["iam:PutRolePolicy"], Assert.Single(account.Subject().Admin.Reasons).Actions);
    }

    [Fact]
    public void AnalyzeRole_CreatePolicyVersionOnAnAttachedCustomerPolicy_IsEscalation()
    {
        var account = IamTestExports.WithInlinePolicy(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreatePolicyVersion","Resource":"arn:aws:iam::123456789012:policy/team"}]}""",
            attached: """[{"PolicyName":"team","PolicyArn":"arn:aws:iam::123456789012:policy/team"}]""",
            policies: """[{"PolicyName":"team","Arn":"arn:aws:iam::123456789012:policy/team","DefaultVersionId":"v1","PolicyVersionList":[{"VersionId":"v1","IsDefaultVersion":true,"Document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}}]}]""");

        Assert.Equal(["iam:CreatePolicyVersion"], Assert.Single(account.Subject().Admin.Reasons).Actions);
    }

    [Fact]
    public void AnalyzeRole_PassRoleEverywhereWithoutAServiceAction_IsNotAdminEquivalent()
    {
        var account = IamTestExports.WithInlinePolicy("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:PassRole","iam:List*"],"Resource":"*"}]}""");

        Assert.False(account.Subject().Admin.IsAdminEquivalent);
    }

    [Fact]
    public void AnalyzeRole_PassRoleWithRunInstancesDeniedEverywhere_IsDefeated()
    {
        var account = IamTestExports.WithInlinePolicy("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:PassRole","ec2:RunInstances"],"Resource":"*"},
              {"Effect":"Deny","Action":"ec2:Run*","Resource":"*"}]}
            """);

        var admin = account.Subject().Admin;

        Assert.False(admin.IsAdminEquivalent);
        var defeated = Assert.Single(admin.Defeated);
        Assert.Equal(["iam:PassRole", "ec2:RunInstances"], defeated.Actions);
        Assert.Equal("explicitly denied by inline policy 'under-test' statement 1", defeated.DefeatedBy);
    }

    [Fact]
    public void AnalyzeRole_AttachedCustomerPolicyMissingFromTheExport_IsListedAsUnevaluated()
    {
        var account = IamTestExports.WithInlinePolicy(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""",
            attached: """[{"PolicyName":"elsewhere","PolicyArn":"arn:aws:iam::123456789012:policy/elsewhere"}]""");

        var admin = account.Subject().Admin;

        Assert.False(admin.IsAdminEquivalent);
        Assert.False(admin.IsComplete);
        Assert.Equal(["arn:aws:iam::123456789012:policy/elsewhere"], admin.UnevaluatedPolicyArns);
    }

    [Fact]
    public void AnalyzeRole_BoundaryMissingFromTheExport_IsNotAppliedAndListed()
    {
        var account = IamTestExports.WithInlinePolicy(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""",
            boundaryArn: "arn:aws:iam::123456789012:policy/unknown-boundary");

        var admin = account.Subject().Admin;

        Assert.True(admin.IsAdminEquivalent);
        Assert.False(admin.BoundaryEvaluated);
        Assert.Equal(["arn:aws:iam::123456789012:policy/unknown-boundary"], admin.UnevaluatedPolicyArns);
    }
}
