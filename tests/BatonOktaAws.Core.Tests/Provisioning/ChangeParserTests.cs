using BatonOktaAws.Core.Provisioning;
using BatonOktaAws.TestSupport;

namespace BatonOktaAws.Core.Tests.Provisioning;

public sealed class ChangeParserTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void ReadFile_Csv_ReadsGrantsAndRevokesSkippingCommentsAndBlankLines()
    {
        var path = Write("changes.csv",
            "# quarterly access review",
            "action,entitlement,principal_type,principal,grant",
            "grant,group:00g1:member,user,alice@acme.example,",
            "",
            "revoke,,,,\"account:123456789012:Admin:group:00g2\"",
            ",account:123456789012:ReadOnly,USER,00u3,");

        var (changes, errors, _) = ChangeParser.ReadFile(path, ChangeAction.Grant);

        Assert.Empty(errors);
        Assert.Equal(
            [
                new ProvisioningChange(3, ChangeAction.Grant, Core.Baton.EntitlementId.GroupMember("00g1"), "user", "alice@acme.example"),
                new ProvisioningChange(5, ChangeAction.Revoke, Core.Baton.EntitlementId.AccountRole("123456789012", "Admin"), "group", "00g2"),
                new ProvisioningChange(6, ChangeAction.Grant, Core.Baton.EntitlementId.AccountRole("123456789012", "ReadOnly"), "user", "00u3"),
            ],
            changes);
    }

    [Fact]
    public void ReadFile_JsonLines_ReadsEachObjectAndReportsBadLinesByNumber()
    {
        var path = Write("changes.jsonl",
            """{"action":"grant","entitlement":"group:00g1:member","principalType":"user","principal":"00u1"}""",
            """{"action":"revoke","grant":"group:00g1:member:user:00u2"}""",
            """{"action":"grant","entitlement":"group:00g1:member","principal_type":"group","principal":"00g9"}""",
            """not json""",
            """{"action":"delete","grant":"group:00g1:member:user:00u2"}""");

        var (changes, errors, _) = ChangeParser.ReadFile(path, ChangeAction.Revoke);

        Assert.Equal([1, 2], changes.Select(c => c.Line));
        Assert.Equal([3, 4, 5], errors.Select(e => e.Line));
        Assert.Contains("Okta groups cannot contain groups", errors[0].Error, StringComparison.Ordinal);
        Assert.StartsWith("not valid JSON", errors[1].Error, StringComparison.Ordinal);
        Assert.Contains("neither grant nor revoke", errors[2].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_CsvWithoutHeader_IsRefused()
    {
        var path = Write("changes.csv", "grant,group:00g1:member,user,00u1");

        var error = Assert.Throws<ProvisioningException>(() => ChangeParser.ReadFile(path, ChangeAction.Grant));

        Assert.Contains("must be a CSV header", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("group:00g1:owner", "user", "00u1", "is not an entitlement id")]
    [InlineData("account:12:Admin", "user", "00u1", "needs a 12-digit AWS account id")]
    [InlineData("group:00g1:member", "robot", "00u1", "must be user or group")]
    [InlineData("group:00g1:member", "user", "", "the principal is missing")]
    [InlineData("group:00g1:member", "user", "../00u1", "is neither an Okta id nor a login")]
    [InlineData("account:123456789012:Admin", "group", "00g/x", "is not a valid Okta id")]
    public void Grant_BadParts_AreRefusedNamingTheProblem(string entitlement, string type, string principal, string expected)
    {
        var error = Assert.Throws<ProvisioningException>(() => ChangeParser.Grant(entitlement, type, principal));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Revoke_NotAGrantId_IsRefused()
    {
        var error = Assert.Throws<ProvisioningException>(() => ChangeParser.Revoke("group:00g1:member"));

        Assert.Contains("is not a grant id", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("me")]
    [InlineData("ME")]
    public void Grant_PrincipalMe_IsRefusedBecauseOktaReadsItAsTheTokensAdmin(string principal)
    {
        var ex = Assert.Throws<ProvisioningException>(() => ChangeParser.Grant("group:00g1:member", "user", principal));

        Assert.Contains("the API token's own admin (/api/v1/users/me)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_UnreadableLines_KeepTheActionTheLineAsksFor()
    {
        var path = Write("changes.csv",
            "action,entitlement,principal_type,principal,grant",
            "revoke,group:00g1:membr,user,00u1,",
            ",,,,not-a-grant-id",
            ",group:00g1:membr,user,00u1,");

        var (_, errors, _) = ChangeParser.ReadFile(path, ChangeAction.Grant);

        Assert.Equal([ChangeAction.Revoke, ChangeAction.Revoke, ChangeAction.Grant], errors.Select(e => e.Action));
    }

    private string Write(string name, params string[] lines)
    {
        var path = _directory.File(name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
