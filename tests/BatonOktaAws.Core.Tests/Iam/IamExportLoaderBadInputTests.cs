using BatonOktaAws.Core.Iam;

namespace BatonOktaAws.Core.Tests.Iam;

public sealed class IamExportLoaderBadInputTests
{
    [Theory]
    [InlineData("okta-users.json", "not an IAM export")]
    [InlineData("cut-short.json", "not valid JSON")]
    [InlineData("okta-users.csv", "not a credential report: its header lacks user, arn")]
    [InlineData("credential-report-not-base64.json", "Content is not base64")]
    [InlineData("credential-report-cut-short.csv", "row 3 has 3 fields; the header has 22")]
    [InlineData("empty.json", "the file is empty")]
    [InlineData("empty-list.json", "not an IAM export — an empty JSON list")]
    [InlineData("policy-document-cut-short.json", "role 'Operator' inline policy 'operate': a policy document is not valid JSON")]
    [InlineData("two-accounts-in-one-document.json", "ARNs of several accounts (123456789012, 210987654321)")]
    public void Load_BadFile_ThrowsOneLineNamingTheFileAndTheProblem(string file, string expected)
    {
        var path = IamFixtures.Path("bad", file);

        var error = Assert.Throws<IamExportException>(() => IamExportLoader.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Load_TwoExportsOfOneAccountThatDisagree_ThrowsNamingBothFilesAndTheRole()
    {
        var error = Assert.Throws<IamExportException>(() => IamExportLoader.Load(IamFixtures.Path("bad", "disagreeing")));

        Assert.Contains("authorization-details-tuesday.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("authorization-details-monday.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("role arn:aws:iam::123456789012:role/Admin", error.Message, StringComparison.Ordinal);
        Assert.Contains("(AssumeRolePolicyDocument)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OneRoleNameUnderTwoArns_Throws()
    {
        var error = Assert.Throws<IamExportException>(() => IamExportLoader.Load(IamFixtures.Path("bad", "renamed")));

        Assert.Contains("role arn:aws:iam::123456789012:role/Deployer has the name of arn:aws:iam::123456789012:role/team/Deployer", error.Message, StringComparison.Ordinal);
        Assert.Contains("b-root-path.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("a-team-path.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TwoDifferentCredentialReportsForOneAccount_Throws()
    {
        var error = Assert.Throws<IamExportException>(() => IamExportLoader.Load(IamFixtures.Path("bad", "two-credential-reports")));

        Assert.Contains("a second credential report for account 123456789012", error.Message, StringComparison.Ordinal);
        Assert.Contains("report-a.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("report-b.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingPath_ThrowsNamingIt()
    {
        var path = IamFixtures.Path("no-such-export.json");

        var error = Assert.Throws<IamExportException>(() => IamExportLoader.Load(path));

        Assert.Equal($"IAM export {path} does not exist.", error.Message);
    }

    [Fact]
    public void Load_DirectoryWithoutExports_Throws()
    {
        using var temp = new BatonOktaAws.TestSupport.TempDirectory();
        File.WriteAllText(temp.File("notes.txt"), "nothing here");

        var error = Assert.Throws<IamExportException>(() => IamExportLoader.Load(temp.Path));

        Assert.Contains("has no .json or .csv files", error.Message, StringComparison.Ordinal);
    }
}
