using System.Text.Json;
using BatonOktaAws.Core.Aws;

namespace BatonOktaAws.Core.Tests.Aws;

public sealed class AwsAppSettingsTests
{
    [Fact]
    public void Parse_SingleAccountWithNullsAndAbsentKeys_TakesTheAccountFromTheArn()
    {
        var settings = Parse("""{"identityProviderArn":"arn:aws:iam::123456789012:saml-provider/Okta","joinAllRoles":null,"groupFilter":null}""");

        Assert.Equal(AwsAppMode.SingleAccount, settings.Mode);
        Assert.Equal("123456789012", settings.AccountId!.Value.Value);
        Assert.False(settings.JoinAllRoles);
        Assert.Null(settings.GroupFilter);
    }

    [Fact]
    public void Parse_BooleansAsStrings_AreAccepted()
    {
        var settings = Parse("""{"identityProviderArn":"arn:aws-us-gov:iam::123456789012:saml-provider/Okta","joinAllRoles":"true"}""");

        Assert.True(settings.JoinAllRoles);
    }

    [Fact]
    public void Parse_GroupMappingWithoutArn_IsFineAndCompilesTheFilter()
    {
        var settings = Parse("""{"useGroupMapping":true,"identityProviderArn":null,"groupFilter":"aws_(?{{accountid}}\\d+)_(?{{role}}\\w+)"}""");

        Assert.Equal(AwsAppMode.GroupMapping, settings.Mode);
        Assert.Null(settings.AccountId);
        Assert.NotNull(settings.GroupFilter!.Match("aws_123456789012_Admin"));
    }

    [Theory]
    [InlineData("""{"joinAllRoles":false}""", "has no identityProviderArn")]
    [InlineData("""{"identityProviderArn":"not-an-arn"}""", "not an IAM ARN")]
    [InlineData("""{"useGroupMapping":true}""", "has no groupFilter")]
    [InlineData("""{"useGroupMapping":true,"groupFilter":"aws_(?{{accountid}}\\d+"}""", "not a valid regular expression")]
    [InlineData("""{"identityProviderArn":"arn:aws:iam::123456789012:saml-provider/Okta","joinAllRoles":"maybe"}""", "joinAllRoles")]
    [InlineData("""{"identityProviderArn":42}""", "identityProviderArn of type Number")]
    public void Parse_UnusableSettings_ThrowsFormatExceptionNamingTheAppAndSetting(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("0oaapp", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:saml-provider/Okta", "123456789012")]
    [InlineData("arn:aws-cn:iam::000000000001:saml-provider/x", "000000000001")]
    [InlineData("arn:aws:iam::12345:saml-provider/Okta", null)]
    [InlineData("arn:aws:s3:::bucket", null)]
    public void TryFromArn_Arn_ReturnsTheAccountField(string arn, string? expected)
    {
        var parsed = AwsAccountId.TryFromArn(arn, out var account);

        Assert.Equal(expected is not null, parsed);
        Assert.Equal(expected, account?.Value);
    }

    [Theory]
    [InlineData("Admin", true)]
    [InlineData("Read.Only-Role@x", true)]
    [InlineData("a:b", false)]
    [InlineData("has space", false)]
    [InlineData("", false)]
    public void SamlRoleTryParse_Names_AcceptsOnlyUsableOnes(string name, bool usable)
    {
        Assert.Equal(usable, SamlRole.TryParse(name, out _));
    }

    private static AwsAppSettings Parse(string json) => AwsAppSettings.Parse(JsonDocument.Parse(json).RootElement, "0oaapp");
}
