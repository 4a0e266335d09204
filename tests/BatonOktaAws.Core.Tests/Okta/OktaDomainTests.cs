using BatonOktaAws.Core.Okta;

namespace BatonOktaAws.Core.Tests.Okta;

public sealed class OktaDomainTests
{
    [Theory]
    [InlineData("acme.okta.com", "https://acme.okta.com")]
    [InlineData("https://acme.okta.com", "https://acme.okta.com")]
    [InlineData("https://acme.okta.com/", "https://acme.okta.com")]
    [InlineData(" acme.oktapreview.com ", "https://acme.oktapreview.com")]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080")]
    [InlineData("http://localhost:1234", "http://localhost:1234")]
    [InlineData("http://[::1]:9000", "http://[::1]:9000")]
    public void Parse_AcceptedForms_NormaliseToTheOrigin(string input, string expected)
    {
        Assert.Equal(expected, OktaDomain.Parse(input).ToString());
    }

    [Theory]
    [InlineData("http://acme.okta.com", "plain http")]
    [InlineData("http://10.0.0.5:8080", "plain http")]
    [InlineData("ftp://acme.okta.com", "must use https")]
    [InlineData("https://acme.okta.com/admin", "without a path")]
    [InlineData("https://user:pw@acme.okta.com", "without a path, query or credentials")]
    [InlineData("https://acme.okta.com?x=1", "without a path")]
    [InlineData("", "empty")]
    [InlineData("https://", "is not an Okta domain")]
    public void Parse_RejectedForms_ThrowNamingTheProblem(string input, string expected)
    {
        var error = Assert.Throws<FormatException>(() => OktaDomain.Parse(input));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsSameOrigin_OtherHostSchemeOrPort_IsFalse()
    {
        var domain = OktaDomain.Parse("https://acme.okta.com");

        Assert.True(domain.IsSameOrigin(new Uri("https://acme.okta.com/api/v1/users?after=x")));
        Assert.False(domain.IsSameOrigin(new Uri("https://evil.example/api/v1/users")));
        Assert.False(domain.IsSameOrigin(new Uri("http://acme.okta.com/api/v1/users")));
        Assert.False(domain.IsSameOrigin(new Uri("https://acme.okta.com:8443/api/v1/users")));
    }
}
