using BatonOktaAws.Core.Aws;

namespace BatonOktaAws.Core.Tests.Aws;

public sealed class AwsGroupFilterTests
{
    private const string UnderscoreFilter = @"aws_(?{{accountid}}\d+)_(?{{role}}[a-zA-Z0-9+=,.@\-_]+)";
    private const string HashFilter = @"^aws\#\S+\#(?{{role}}[\w\-]+)\#(?{{accountid}}\d+)$";

    [Theory]
    [InlineData(UnderscoreFilter, "aws_123456789012_Admin", "123456789012", "Admin")]
    [InlineData(UnderscoreFilter, "team-aws_123456789012_Read.Only", "123456789012", "Read.Only")]
    [InlineData(HashFilter, "aws#prod#PowerUser#210987654321", "210987654321", "PowerUser")]
    public void Match_NameMatchingTheFilter_ReturnsAccountAndRole(string filter, string name, string account, string role)
    {
        var match = AwsGroupFilter.Parse(filter).Match(name);

        Assert.NotNull(match);
        Assert.Equal(account, match.Value.Account.Value);
        Assert.Equal(role, match.Value.Role.Name);
    }

    [Theory]
    [InlineData(UnderscoreFilter, "Engineering")]
    [InlineData(UnderscoreFilter, "aws_12345_Admin")]
    [InlineData(HashFilter, "x-aws#prod#PowerUser#210987654321")]
    public void Match_NameNotMatchingOrWithoutATwelveDigitAccount_ReturnsNull(string filter, string name)
    {
        Assert.Null(AwsGroupFilter.Parse(filter).Match(name));
    }

    [Theory]
    [InlineData("aws_12345_Admin", "its account '12345' is not a 12-digit AWS account id")]
    [InlineData("aws_123456789012_Admin/Team", "its role 'Admin/Team' is not a role name IAM accepts")]
    public void Evaluate_MatchThatCannotBecomeAccess_IsIgnoredWithTheReason(string name, string reason)
    {
        var match = AwsGroupFilter.Parse(@"^aws_(?{{accountid}}\d+)_(?{{role}}\S+)$").Evaluate(name);

        Assert.Equal(GroupNameOutcome.Ignored, match.Outcome);
        Assert.StartsWith(reason, match.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CatastrophicBacktracking_TimesOutAsAnIgnoredMatchInsteadOfHanging()
    {
        // Nested quantifiers over a name that almost matches: exponential backtracking, cut off by the match timeout.
        var filter = AwsGroupFilter.Parse(@"^aws_(?{{accountid}}(\d+)+)x_(?{{role}}\w+)$");

        var match = filter.Evaluate("aws_" + new string('1', 40) + "y_Admin");

        Assert.Equal(GroupNameOutcome.Ignored, match.Outcome);
        Assert.StartsWith("matching the groupFilter against it took longer than", match.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NameThatDoesNotMatch_IsNoMatchWithoutAReason()
    {
        Assert.Equal(GroupNameMatch.NoMatch, AwsGroupFilter.Parse(UnderscoreFilter).Evaluate("Engineering"));
    }

    [Theory]
    [InlineData(@"aws_(?{{accountid}}\d+_(?{{role}}\w+)", "not a valid regular expression")]
    [InlineData(@"aws_(?{{accountid}}\d+)_(\w+)", "must capture both")]
    [InlineData(@"aws_(\d+)_(?{{role}}\w+)", "must capture both")]
    public void Parse_BadFilter_ThrowsFormatExceptionNamingTheProblem(string filter, string expected)
    {
        var error = Assert.Throws<FormatException>(() => AwsGroupFilter.Parse(filter));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(filter, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HashFilter, "aws#")]
    [InlineData(@"^aws_(?{{accountid}}\d+)_(?{{role}}\w+)$", "aws_")]
    [InlineData(@"^awsx?_(?{{accountid}}\d+)_(?{{role}}\w+)$", "aws")]
    [InlineData(UnderscoreFilter, null)]
    [InlineData(@"^(aws|gcp)_(?{{accountid}}\d+)_(?{{role}}\w+)$", null)]
    public void AnchoredLiteralPrefix_Filter_IsTheSafePrefixOrNull(string filter, string? prefix)
    {
        Assert.Equal(prefix, AwsGroupFilter.Parse(filter).AnchoredLiteralPrefix());
    }

    [Fact]
    public void Match_CatastrophicBacktracking_GivesUpInsteadOfHanging()
    {
        var filter = AwsGroupFilter.Parse(@"^(a+)+(?{{accountid}}\d{12})(?{{role}}\w+)$");

        Assert.Null(filter.Match(new string('a', 5000) + "!"));
    }
}
