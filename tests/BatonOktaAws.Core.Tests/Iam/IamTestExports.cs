using BatonOktaAws.Core.Iam;
using BatonOktaAws.TestSupport;

namespace BatonOktaAws.Core.Tests.Iam;

/// <summary>Small exports written on the spot, for cases the fixtures do not show, loaded through the real loader.</summary>
internal static class IamTestExports
{
    public const string OktaTrust = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:saml-provider/Okta"},"Action":"sts:AssumeRoleWithSAML"}]}
        """;

    /// <summary>An account 123456789012 with one role "Subject" whose inline policy is <paramref name="inlinePolicy"/>.</summary>
    public static IamAccount WithInlinePolicy(string inlinePolicy, string attached = "[]", string policies = "[]", string? boundaryArn = null) =>
        Load($$"""
            {"RoleDetailList":[{"RoleName":"Subject","Path":"/","Arn":"arn:aws:iam::123456789012:role/Subject","RoleId":"AROASUBJECT",
              "AssumeRolePolicyDocument":{{OktaTrust}},
              "RolePolicyList":[{"PolicyName":"under-test","PolicyDocument":{{inlinePolicy}}}],
              "AttachedManagedPolicies":{{attached}}
              {{(boundaryArn is null ? string.Empty : $$""","PermissionsBoundary":{"PermissionsBoundaryType":"Policy","PermissionsBoundaryArn":"{{boundaryArn}}"}""")}}}],
             "Policies":{{policies}}}
            """);

    public static IamAccount WithTrustPolicy(string trustPolicy) =>
        Load($$"""
            {"RoleDetailList":[{"RoleName":"Subject","Path":"/","Arn":"arn:aws:iam::123456789012:role/Subject",
              "AssumeRolePolicyDocument":{{trustPolicy}},"RolePolicyList":[],"AttachedManagedPolicies":[]}]}
            """);

    public static IamAccount Load(string exportJson)
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("export.json"), exportJson);
        return Assert.Single(IamExportLoader.Load(temp.Path).Accounts);
    }

    public static Core.Iam.Analysis.RoleAnalysis Subject(this IamAccount account) => account.AnalyzeRole(account.FindRole("Subject")!);
}
