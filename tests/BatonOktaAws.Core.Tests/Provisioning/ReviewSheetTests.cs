using BatonOktaAws.Core.Baton;
using BatonOktaAws.Core.Provisioning;
using BatonOktaAws.TestSupport;

namespace BatonOktaAws.Core.Tests.Provisioning;

/// <summary>Reading review sheets (and plain change files saved by a spreadsheet) into changes, before Okta is asked anything.</summary>
public sealed class ReviewSheetTests : IDisposable
{
    private const string Prod = "0oademoaws0000000001";
    private const string Heidi = "00udemoheidi00000008";
    private const string Carol = "00udemocarol00000003";
    private const string Developers = "00gdemoawsdevs000002";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void ReadFile_ReviewSheet_RevokesOnlyRowsMarkedRevokeAndCountsKeepAndBlankAsSkipped()
    {
        var path = Sheet(
            Direct(" Revoke ", Heidi, "ReadOnly"),
            Direct("KEEP", "00udemoalice00000001", "Billing"),
            Direct(string.Empty, "00udemobob0000000002", "Admin"),
            Direct("keep", "00udemoivan000000009", "Developer"));

        var batch = ChangeParser.ReadFile(path, ChangeAction.Revoke);

        Assert.True(batch.IsReviewSheet);
        Assert.Empty(batch.Errors);
        var change = Assert.Single(batch.Changes);
        Assert.Equal(new ProvisioningChange(2, ChangeAction.Revoke, EntitlementId.AccountRole("123456789012", "ReadOnly"), "user", Heidi) { AppId = Prod }, change);
        Assert.Equal([(3, ReviewDecision.Keep), (4, ReviewDecision.None), (5, ReviewDecision.Keep)], batch.Skipped.Select(s => (s.Line, s.Decision)));
        Assert.Equal("account:123456789012:Admin:user:00udemobob0000000002", batch.Skipped[1].Change?.GrantId);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("revoked")]
    [InlineData("yes")]
    public void ReadFile_ReviewSheetWithAnotherDecision_IsAnErrorForThatLine(string decision)
    {
        var path = Sheet(Direct("revoke", Heidi, "ReadOnly"), Direct(decision, Carol, "Developer"));

        var batch = ChangeParser.ReadFile(path, ChangeAction.Revoke);

        var error = Assert.Single(batch.Errors);
        Assert.Equal((3, ChangeAction.Revoke), (error.Line, error.Action));
        Assert.Equal($"decision '{decision}' is neither revoke nor keep; leave it blank to skip the row.", error.Error);
    }

    [Fact]
    public void ReadFile_ReviewSheetRowsWithTheSameGrant_AreOneChangeCoveringEveryLine()
    {
        var path = Sheet(
            Through("revoke", Carol, "Developer", Developers),
            Direct(string.Empty, "00udemoalice00000001", "Billing"),
            Through("revoke", Carol, "ReadOnly", Developers),
            Through(string.Empty, Carol, "Developer", Developers, "0oademoaws0000000002", "210987654321"));

        var batch = ChangeParser.ReadFile(path, ChangeAction.Revoke);

        var change = Assert.Single(batch.Changes);
        Assert.Equal($"group:{Developers}:member:user:{Carol}", change.GrantId);
        Assert.Null(change.AppId);
        Assert.Equal([2, 4, 5], change.Lines);
        Assert.Equal($"revoking group:{Developers}:member:user:{Carol} also removes the access on line 5, which had no decision: it comes through the same grant.", Assert.Single(change.ReadWarnings));
        Assert.Equal([3], batch.Skipped.Select(s => s.Line));
    }

    [Fact]
    public void ReadFile_ReviewSheetGrantMarkedRevokeAndKeep_FailsTheRevokeRowsNamingTheKeepRow()
    {
        var path = Sheet(Through("revoke", Carol, "Developer", Developers), Through("keep", Carol, "ReadOnly", Developers));

        var batch = ChangeParser.ReadFile(path, ChangeAction.Revoke);

        Assert.Empty(batch.Changes);
        var error = Assert.Single(batch.Errors);
        Assert.Equal(2, error.Line);
        Assert.Equal($"line 3 marks the same grant (group:{Developers}:member:user:{Carol}) keep, and revoking it would remove that access too; mark all of its rows revoke, or all keep.", error.Error);
    }

    [Fact]
    public void ReadFile_ReviewSheetRowsThatDisagreeWithTheirGrant_AreErrors()
    {
        var path = Sheet(
            Direct("revoke", Heidi, "ReadOnly") with { UserId = Carol },
            Direct("revoke", Heidi, "ReadOnly") with { AccountId = "210987654321" },
            Direct("revoke", Heidi, "ReadOnly") with { Role = "Admin" },
            Direct("revoke", Heidi, "ReadOnly") with { Grant = "account:123456789012:ReadOnly:group:00gdemoawsdevs000002" },
            Direct("revoke", Heidi, "ReadOnly") with { Grant = string.Empty },
            Direct("revoke", Heidi, "ReadOnly") with { AppId = "0oa/../x" });

        var batch = ChangeParser.ReadFile(path, ChangeAction.Revoke);

        Assert.Empty(batch.Changes);
        Assert.Equal(
            [
                $"grant account:123456789012:ReadOnly:user:{Heidi} is for user {Heidi}, but the row's user_id is {Carol}; the sheet was edited — export it again.",
                $"grant account:123456789012:ReadOnly:user:{Heidi} is in account 123456789012, but the row's account_id is 210987654321; the sheet was edited — export it again.",
                $"grant account:123456789012:ReadOnly:user:{Heidi} is for role ReadOnly, but the row's role is Admin; the sheet was edited — export it again.",
                "grant account:123456789012:ReadOnly:group:00gdemoawsdevs000002 is a group's, not one user's: a review row revokes a user's access; take the role off the group with revoke --grant instead.",
                "the row is marked revoke but its grant column is empty, so there is nothing to revoke; clear the decision, or revoke its access by hand.",
                "app '0oa/../x' is not an Okta app id (0oa...).",
            ],
            batch.Errors.Select(e => e.Error));
    }

    [Fact]
    public void ReadFile_ReviewSheetRoleAFormulaGuardWasPutBefore_MatchesTheGrantsRole()
    {
        var path = Sheet(Direct("revoke", Heidi, "-Ops"));

        var batch = ChangeParser.ReadFile(path, ChangeAction.Revoke);

        Assert.Empty(batch.Errors);
        Assert.Equal("-Ops", Assert.Single(batch.Changes).Entitlement.Slug);
        Assert.Contains(",'-Ops,", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_ReviewSheetGivenToGrant_IsRefused()
    {
        var path = Sheet(Direct("revoke", Heidi, "ReadOnly"));

        var ex = Assert.Throws<ProvisioningException>(() => ChangeParser.ReadFile(path, ChangeAction.Grant));

        Assert.Equal($"{path} is a review sheet (it has a decision column); its rows can only be revoked: run revoke --from-file {path}.", ex.Message);
    }

    [Fact]
    public void ReadFile_ReviewSheetWithNoDecisionAnywhere_IsOnlySkippedRows()
    {
        var path = Sheet(Direct(string.Empty, Heidi, "ReadOnly"), Direct(string.Empty, Carol, "Developer"));

        var batch = ChangeParser.ReadFile(path, ChangeAction.Revoke);

        Assert.Empty(batch.Changes);
        Assert.Empty(batch.Errors);
        Assert.All(batch.Skipped, s => Assert.Equal(ReviewDecision.None, s.Decision));
    }

    [Fact]
    public void ReadFile_PlainChangeFileSavedByASpreadsheet_ReadsQuotedCellsAndTheAppColumn()
    {
        var path = _directory.File("changes.csv");
        File.WriteAllText(
            path,
            "action,entitlement,principal_type,principal,grant,app\r\n" +
            "grant,\"account:210987654321:Admin\",user,alice@acme.example,,0oademoaws0000000002\r\n" +
            ",,,,\"group:00g1:member:user:00u2\",0oaignored\r\n" +
            ",,,,\r\n",
            new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var (changes, errors, skipped) = ChangeParser.ReadFile(path, ChangeAction.Revoke);

        Assert.Empty(errors);
        Assert.Empty(skipped);
        Assert.Equal(
            [
                new ProvisioningChange(2, ChangeAction.Grant, EntitlementId.AccountRole("210987654321", "Admin"), "user", "alice@acme.example") { AppId = "0oademoaws0000000002" },
                new ProvisioningChange(3, ChangeAction.Revoke, EntitlementId.GroupMember("00g1"), "user", "00u2"),
            ],
            changes);
    }

    private string Sheet(params ReviewSheetRow[] rows) => ReviewSheetFile.Write(_directory.File("review.csv"), rows, spreadsheet: true);

    private static ReviewSheetRow Direct(string decision, string userId, string role) =>
        new(decision, userId, userId + "@login", Prod, "Amazon Web Services (production)", "123456789012", role, "direct", $"account:123456789012:{role}:user:{userId}");

    private static ReviewSheetRow Through(string decision, string userId, string role, string groupId, string appId = Prod, string account = "123456789012") =>
        new(decision, userId, userId + "@login", appId, "AWS", account, role, "group:" + groupId, $"group:{groupId}:member:user:{userId}", SourceGroup: "AWS Developers");
}
