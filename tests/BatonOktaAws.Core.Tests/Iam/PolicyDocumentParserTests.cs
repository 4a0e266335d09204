using BatonOktaAws.Core.Iam.Policies;

namespace BatonOktaAws.Core.Tests.Iam;

public sealed class PolicyDocumentParserTests
{
    [Fact]
    public void ParseText_UrlEncodedDocument_EqualsTheSameDocumentAsJson()
    {
        const string json = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::a+b/*"}]}""";

        var encoded = PolicyDocumentParser.ParseText(Uri.EscapeDataString(json));
        var plain = PolicyDocumentParser.ParseText(json);

        Assert.Equal(plain.CanonicalJson, encoded.CanonicalJson);
        Assert.Equal(["arn:aws:s3:::a+b/*"], encoded.Statements[0].Resources.Patterns);
    }

    [Fact]
    public void ParseText_SingleStatementObjectAndStringElements_ReadAsLists()
    {
        var document = PolicyDocumentParser.ParseText("""
            {"Statement":{"Sid":"One","Effect":"Deny","NotAction":"iam:*","NotResource":"arn:aws:s3:::x",
             "Principal":{"AWS":["arn:aws:iam::111122223333:root","*"],"Service":"ec2.amazonaws.com"},
             "Condition":{"Bool":{"aws:SecureTransport":false},"NumericLessThan":{"s3:max-keys":[10,"20"]}}}}
            """);

        var statement = Assert.Single(document.Statements);
        Assert.Null(document.Version);
        Assert.Equal(PolicyEffect.Deny, statement.Effect);
        Assert.True(statement.Actions.Negated);
        Assert.True(statement.Resources.Negated);
        Assert.True(statement.Principal!.IsEveryone);
        Assert.Equal(["ec2.amazonaws.com"], statement.Principal.Service);
        Assert.Equal(["Bool aws:SecureTransport = [false]", "NumericLessThan s3:max-keys = [10, 20]"], statement.Conditions.Select(c => c.ToString()));
    }

    [Theory]
    [InlineData("""{"Statement":[{"Effect":"Permit","Action":"*","Resource":"*"}]}""", "Effect 'Permit'")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Resource":"*"}]}""", "neither Action nor NotAction")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"*","NotAction":"iam:*"}]}""", "both Action and NotAction")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":["*",3]}]}""", "list item of type Number")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"*","Principal":"arn:aws:iam::1:root"}]}""", "only \"*\" may be written")]
    [InlineData("""{"Version":"2012-10-17"}""", "has no Statement")]
    [InlineData("plain words", "neither JSON nor URL-encoded JSON")]
    public void ParseText_MalformedDocument_ThrowsSayingWhatIsWrong(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => PolicyDocumentParser.ParseText(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iam:Put*", "iam:PutRolePolicy", true)]
    [InlineData("IAM:putrolepolicy", "iam:PutRolePolicy", true)]
    [InlineData("iam:?utRolePolicy", "iam:PutRolePolicy", true)]
    [InlineData("iam:Put*Policy", "iam:PutRolePermissionsBoundary", false)]
    [InlineData("*", "anything:AtAll", true)]
    [InlineData("iam:Get*", "iam:PutRolePolicy", false)]
    [InlineData("s3:*", "s3", false)]
    public void Wildcard_ActionPatterns_MatchAsIamDoes(string pattern, string action, bool matches)
    {
        Assert.Equal(matches, Wildcard.Matches(pattern, action, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/*", "arn:aws:iam::123456789012:role/team/Deployer", true)]
    [InlineData("arn:aws:iam::*:role/app-*", "arn:aws:iam::123456789012:role/app-worker", true)]
    [InlineData("arn:aws:iam::123456789012:role/App-*", "arn:aws:iam::123456789012:role/app-worker", false)]
    public void Wildcard_ResourcePatterns_AreCaseSensitiveAndCrossSlashes(string pattern, string arn, bool matches)
    {
        Assert.Equal(matches, Wildcard.Matches(pattern, arn, StringComparison.Ordinal));
    }
}
