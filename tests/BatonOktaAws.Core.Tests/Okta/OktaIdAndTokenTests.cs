using BatonOktaAws.Core.Okta;

namespace BatonOktaAws.Core.Tests.Okta;

public sealed class OktaIdAndTokenTests
{
    [Theory]
    [InlineData("00u1abcDEF234ghi5678", true)]
    [InlineData("0oa_app-id", true)]
    [InlineData("../00u1", false)]
    [InlineData("00u1/groups", false)]
    [InlineData("00u1?limit=1", false)]
    [InlineData("00u1#x", false)]
    [InlineData("00u1%2F", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_Ids_AllowsOnlyPathSafeCharacters(string? id, bool valid)
    {
        Assert.Equal(valid, OktaId.IsValid(id));
    }

    [Theory]
    [InlineData("alice@acme.example", true)]
    [InlineData("00u1abc", true)]
    [InlineData("..", false)]
    [InlineData("a/b@x", false)]
    [InlineData("a b@x", false)]
    [InlineData("a%2e@x", false)]
    public void RequireIdOrLogin_Values_RefusesAnythingThatCouldChangeThePath(string value, bool accepted)
    {
        if (accepted)
        {
            Assert.Equal(value, OktaId.RequireIdOrLogin(value, "User"));
        }
        else
        {
            Assert.Throws<ArgumentException>(() => OktaId.RequireIdOrLogin(value, "User"));
        }
    }

    [Fact]
    public void Token_ToStringAndErrors_NeverShowTheSecret()
    {
        var token = OktaApiToken.Parse("  00SecretTokenValue \n");

        Assert.DoesNotContain("00SecretTokenValue", token.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("00SecretTokenValue", $"{token}", StringComparison.Ordinal);
        Assert.True(token.AppearsIn("x 00SecretTokenValue y"));
        var error = Assert.Throws<FormatException>(() => OktaApiToken.Parse("00Secret\r\nX-Evil: 1"));
        Assert.DoesNotContain("00Secret", error.Message, StringComparison.Ordinal);
    }
}
