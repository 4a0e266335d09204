namespace BatonOktaAws.Core.Tests.Iam;

public sealed class CredentialReportTests
{
    [Fact]
    public void CredentialReportCsv_PasswordUser_HasPasswordLastUsedAndBypassesOkta()
    {
        var alice = IamFixtures.A.CredentialReport!.FindUser("alice")!;

        Assert.True(alice.PasswordEnabled);
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 17, 31, 2, TimeSpan.Zero), alice.PasswordLastUsed);
        Assert.True(alice.MfaActive);
        Assert.Empty(alice.ActiveAccessKeys);
        Assert.True(alice.BypassesOkta);
    }

    [Fact]
    public void CredentialReportCsv_KeyUser_HasTheActiveKeyWithItsLastUse()
    {
        var bot = IamFixtures.A.CredentialReport!.FindUser("deploy-bot")!;

        Assert.False(bot.PasswordEnabled);
        var key = Assert.Single(bot.ActiveAccessKeys);
        Assert.Equal(1, key.Slot);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 3, 0, 12, TimeSpan.Zero), key.LastUsedDate);
        Assert.Equal("s3", key.LastUsedService);
        Assert.Equal("eu-west-1", key.LastUsedRegion);
        Assert.False(bot.AccessKeys[1].Active); // the second key exists but is inactive
        Assert.True(bot.BypassesOkta);
        Assert.Equal(key.LastUsedDate, bot.LastUsed);
    }

    [Fact]
    public void CredentialReportCsv_UserWithNeither_DoesNotBypassOkta()
    {
        var bob = IamFixtures.A.CredentialReport!.FindUser("bob")!;

        Assert.False(bob.PasswordEnabled);
        Assert.Null(bob.PasswordLastUsed);
        Assert.Empty(bob.ActiveAccessKeys);
        Assert.False(bob.BypassesOkta);
        Assert.Null(bob.LastUsed);
    }

    [Fact]
    public void CredentialReportCsv_RootRow_IsRootWithPasswordNotSupported()
    {
        var root = IamFixtures.A.CredentialReport!.Root!;

        Assert.True(root.IsRoot);
        Assert.Equal("arn:aws:iam::123456789012:root", root.Arn);
        Assert.Null(root.PasswordEnabled);
        Assert.Equal(new DateTimeOffset(2025, 6, 30, 8, 12, 44, TimeSpan.Zero), root.PasswordLastUsed);
        Assert.False(root.BypassesOkta);
    }

    [Fact]
    public void CredentialReportJson_RootWithAnActiveNeverUsedKey_BypassesOkta()
    {
        var root = IamFixtures.B.CredentialReport!.Root!;

        var key = Assert.Single(root.ActiveAccessKeys);
        Assert.Null(key.LastUsedDate);
        Assert.Null(root.PasswordLastUsed); // no_information
        Assert.True(root.BypassesOkta);
    }

    [Fact]
    public void AnalyzeUsers_Account_JoinsTheReportWithWhatEachUserCanDo()
    {
        var users = IamFixtures.A.AnalyzeUsers();

        Assert.Equal(["<root_account>", "alice", "bob", "deploy-bot"], users.Select(u => u.Name));
        Assert.True(users[0].IsRoot);
        Assert.Null(users[0].Admin);
        var alice = users[1];
        Assert.True(alice.BypassesOkta);
        Assert.Equal("the AWS managed policy AdministratorAccess is attached (through group 'Admins'): every action on every resource",
            Assert.Single(alice.Admin!.Reasons).Description);
        Assert.False(users[2].Admin!.IsAdminEquivalent);
        Assert.False(users[2].BypassesOkta);
        Assert.Equal("arn:aws:iam::123456789012:user/service/deploy-bot", users[3].Arn);
        Assert.True(users[3].BypassesOkta);
        Assert.False(users[3].Admin!.IsAdminEquivalent);
    }

    [Fact]
    public void AnalyzeUsers_NoCredentialReport_ListsUsersWithUnknownCredentials()
    {
        var account = Assert.Single(Core.Iam.IamExportLoader.Load(IamFixtures.Path("estate", "authorization-details-123456789012.json")).Accounts);

        var users = account.AnalyzeUsers();

        Assert.Equal(3, users.Count);
        Assert.All(users, u => Assert.Null(u.BypassesOkta));
    }
}
