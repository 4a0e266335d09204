using BatonOktaAws.Core.Iam;
using BatonOktaAws.TestSupport;

namespace BatonOktaAws.Core.Tests.Iam;

public sealed class IamExportLoaderTests
{
    [Fact]
    public void Load_EstateDirectory_GivesBothAccountsWithTheirEntities()
    {
        var estate = IamExportLoader.Load(IamFixtures.Path("estate"));

        Assert.Equal(["123456789012", "210987654321"], estate.Accounts.Select(a => a.AccountId.Value));
        Assert.Empty(estate.Warnings);
        var a = estate.Account(IamFixtures.AccountA)!;
        Assert.Equal(10, a.Roles.Count);
        Assert.Equal(["alice", "bob", "deploy-bot"], a.Users.Select(u => u.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["Admins", "Developers"], a.Groups.Select(g => g.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, a.CustomerManagedPolicies.Count);
        Assert.True(a.HasAuthorizationDetails);
        Assert.True(a.AuthorizationDetailsComplete);
        Assert.Equal("aws", a.Partition);
        Assert.NotNull(a.CredentialReport);
        var b = estate.Account(IamFixtures.AccountB)!;
        Assert.Equal(["Admin", "Operator", "Support", "lambda-exec"], b.Roles.Select(r => r.Name));
        Assert.NotNull(b.CredentialReport);
        Assert.Contains(estate.AwsManagedPolicies, p => p.Name == "AdministratorAccess");
    }

    [Fact]
    public void Load_CliExport_ReadsRoleDetailsAndPolicyDocumentsAsObjects()
    {
        var developer = IamFixtures.Role(IamFixtures.A, "Developer");

        Assert.Equal("arn:aws:iam::123456789012:role/Developer", developer.Arn);
        Assert.Equal("AROAZ7EXAMPLEDEVEL01", developer.RoleId);
        Assert.Equal(["arn:aws:iam::aws:policy/PowerUserAccess"], developer.AttachedPolicies.Select(p => p.Arn));
        Assert.True(developer.AttachedPolicies[0].IsAwsManaged);
        Assert.Equal(["iam-read"], developer.InlinePolicies.Select(p => p.Name));
        Assert.Equal(3, developer.InlinePolicies[0].Document.Statements.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 7, 45, 0, TimeSpan.Zero), developer.LastUsed!.LastUsedDate);
        Assert.Equal("eu-west-1", developer.LastUsed.Region);
    }

    [Fact]
    public void Load_SdkExport_DecodesUrlEncodedPolicyDocuments()
    {
        var operatorRole = IamFixtures.Role(IamFixtures.B, "Operator");

        var statement = Assert.Single(operatorRole.InlinePolicies[0].Document.Statements);
        Assert.Equal(["*"], statement.Actions.Patterns);
        Assert.Equal(["arn:aws:iam::210987654321:saml-provider/Okta"], operatorRole.TrustPolicy.Statements[0].Principal!.Federated);
    }

    [Fact]
    public void Load_ManagedPolicyWithSeveralVersions_KeepsTheDefaultVersion()
    {
        var ciDeploy = IamFixtures.A.FindPolicy("arn:aws:iam::123456789012:policy/ci-deploy")!;

        Assert.Equal("v2", ciDeploy.DefaultVersionId);
        Assert.Equal("PassAnyRole", ciDeploy.DefaultDocument!.Statements[0].Sid);
    }

    [Fact]
    public void Load_PagesInSeparateFiles_MergesThemIntoOneCompleteAccount()
    {
        var estate = IamExportLoader.Load(IamFixtures.Path("paged"));

        var account = Assert.Single(estate.Accounts);
        Assert.Equal(10, account.Roles.Count);
        Assert.Equal(3, account.Users.Count);
        Assert.True(account.AuthorizationDetailsComplete);
        Assert.Empty(estate.Warnings);
        Assert.Equal(4, estate.AwsManagedPolicies.Count);
    }

    [Fact]
    public void Load_PagesConcatenatedInOneFile_ReadsEveryDocument()
    {
        var estate = IamExportLoader.Load(IamFixtures.Path("paged-concatenated.json"));

        var account = Assert.Single(estate.Accounts);
        Assert.Equal(10, account.Roles.Count);
        Assert.True(account.AuthorizationDetailsComplete);
    }

    [Fact]
    public void Load_OnlyTruncatedPages_MarksTheAccountIncompleteAndWarns()
    {
        var estate = IamExportLoader.Load(IamFixtures.Path("truncated-pages"));

        var account = Assert.Single(estate.Accounts);
        Assert.False(account.AuthorizationDetailsComplete);
        var warning = Assert.Single(estate.Warnings);
        Assert.Contains("123456789012", warning, StringComparison.Ordinal);
        Assert.Contains("pages are missing", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SameAccountFromCliAndFromApiPages_AgreesAndMerges()
    {
        // The CLI decodes policies, the API URL-encodes them: the same export in both forms is one account.
        var estate = IamExportLoader.Load(IamFixtures.Path("estate", "authorization-details-123456789012.json"), IamFixtures.Path("paged"));

        var account = Assert.Single(estate.Accounts);
        Assert.Equal(10, account.Roles.Count);
        Assert.Equal(3, account.Sources.Count); // page-3 holds only AWS managed policies, which belong to no account
    }

    [Fact]
    public void Load_SameFileTwice_ReadsItOnce()
    {
        var file = IamFixtures.Path("estate", "credential-report-123456789012.csv");

        var estate = IamExportLoader.Load(file, file);

        Assert.Single(Assert.Single(estate.Accounts).Sources);
    }

    [Fact]
    public void Load_Utf16FileAsWindowsPowerShellWritesIt_IsRead()
    {
        using var temp = new TempDirectory();
        var text = File.ReadAllText(IamFixtures.Path("estate", "authorization-details-210987654321.json"));
        File.WriteAllText(temp.File("export.json"), text, System.Text.Encoding.Unicode);

        var estate = IamExportLoader.Load(temp.Path);

        Assert.Equal(4, Assert.Single(estate.Accounts).Roles.Count);
    }

    [Fact]
    public void Load_CamelCasePropertyNames_AreRead()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("sdk.json"), """
            {"roleDetailList":[{"roleName":"Admin","arn":"arn:aws:iam::123456789012:role/Admin","path":"/",
              "assumeRolePolicyDocument":"%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Federated%22%3A%22arn%3Aaws%3Aiam%3A%3A123456789012%3Asaml-provider%2FOkta%22%7D%2C%22Action%22%3A%22sts%3AAssumeRoleWithSAML%22%7D%5D%7D",
              "attachedManagedPolicies":[{"policyName":"AdministratorAccess","policyArn":"arn:aws:iam::aws:policy/AdministratorAccess"}]}],
             "isTruncated":false}
            """);

        var account = Assert.Single(IamExportLoader.Load(temp.Path).Accounts);

        Assert.True(account.AnalyzeRole(account.FindRole("Admin")!).TrustsSamlProvider(IamFixtures.OktaProviderA).IsTrusted);
    }

    [Fact]
    public void AuthorizationDetailsNoEarlierThan_EstateAccount_IsTheNewestDateInside()
    {
        // Developer's RoleLastUsed (2026-11-22T07:45Z) is the newest date in account A's authorization details.
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 7, 45, 0, TimeSpan.Zero), IamFixtures.A.AuthorizationDetailsNoEarlierThan);
    }

    [Fact]
    public void AuthorizationDetailsWrittenAt_Files_IsTheLatestModificationTime()
    {
        using var temp = new TempDirectory();
        File.Copy(IamFixtures.Path("paged", "page-1.json"), temp.File("page-1.json"));
        File.Copy(IamFixtures.Path("paged", "page-2.json"), temp.File("page-2.json"));
        var written = new DateTime(2026, 11, 20, 8, 30, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(temp.File("page-1.json"), written.AddHours(-1));
        File.SetLastWriteTimeUtc(temp.File("page-2.json"), written);

        var account = Assert.Single(IamExportLoader.Load(temp.Path).Accounts);

        Assert.Equal(new DateTimeOffset(written), account.AuthorizationDetailsWrittenAt);
    }

    [Fact]
    public void Load_CredentialReportJson_KeepsGeneratedTime()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 6, 0, 0, TimeSpan.Zero), IamFixtures.B.CredentialReport!.GeneratedTime);
        Assert.Null(IamFixtures.A.CredentialReport!.GeneratedTime);
    }

    [Fact]
    public void Load_SameCredentialReportAsCsvAndAsJson_KeepsTheGeneratedTime()
    {
        using var temp = new TempDirectory();
        var json = IamFixtures.Path("estate", "credential-report-210987654321.json");
        using (var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json)))
        {
            File.WriteAllBytes(temp.File("a-report.csv"), Convert.FromBase64String(document.RootElement.GetProperty("Content").GetString()!));
        }

        File.Copy(json, temp.File("b-report.json"));

        var report = Assert.Single(IamExportLoader.Load(temp.Path).Accounts).CredentialReport!;

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 6, 0, 0, TimeSpan.Zero), report.GeneratedTime);
    }

    [Fact]
    public void Load_AccountlessFinalPageWithTwoIncompleteAccounts_WarnsThatItCompletesNeither()
    {
        // Page 1 of account A (truncated), a truncated page of account B, and a final page naming no account.
        using var temp = new TempDirectory();
        File.Copy(IamFixtures.Path("paged", "page-1.json"), temp.File("a-1.json"));
        File.Copy(IamFixtures.Path("paged", "page-3.json"), temp.File("a-3.json"));
        File.WriteAllText(temp.File("b-1.json"),
            File.ReadAllText(IamFixtures.Path("estate", "authorization-details-210987654321.json")).Replace("\"IsTruncated\": false", "\"IsTruncated\": true", StringComparison.Ordinal));

        var estate = IamExportLoader.Load(temp.Path);

        Assert.All(estate.Accounts, a => Assert.False(a.AuthorizationDetailsComplete));
        Assert.Equal(3, estate.Warnings.Count);
        Assert.Contains("names no account", estate.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CredentialReportOnly_GivesAnAccountWithoutAuthorizationDetails()
    {
        var estate = IamExportLoader.Load(IamFixtures.Path("estate", "credential-report-210987654321.json"));

        var account = Assert.Single(estate.Accounts);
        Assert.False(account.HasAuthorizationDetails);
        Assert.Empty(account.Roles);
        Assert.Single(account.CredentialReport!.Users);
    }
}
