using BatonOktaAws.Core.Baton;

namespace BatonOktaAws.Core.Tests.Baton;

public sealed class IdTests
{
    [Theory]
    [InlineData("group:00g1:member", "group", "00g1", "member")]
    [InlineData("account:123456789012:Admin", "account", "123456789012", "Admin")]
    public void EntitlementIdTryParse_BatonIds_RoundTrip(string text, string type, string resource, string slug)
    {
        Assert.True(EntitlementId.TryParse(text, out var id));
        Assert.Equal(new EntitlementId(type, resource, slug), id);
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData("group:00g1:owner")]
    [InlineData("user:00u1:member")]
    [InlineData("account:1:Admin:extra")]
    [InlineData("account::Admin")]
    [InlineData("")]
    [InlineData(null)]
    public void EntitlementIdTryParse_Others_AreRejected(string? text)
    {
        Assert.False(EntitlementId.TryParse(text, out _));
    }

    [Theory]
    [InlineData("group:00g1:member:user:00u1")]
    [InlineData("account:123456789012:Admin:group:00g2")]
    public void GrantIdTryParse_BatonIds_RoundTrip(string text)
    {
        Assert.True(GrantId.TryParse(text, out var id));
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData("group:00g1:member:account:1")]
    [InlineData("group:00g1:member:user")]
    [InlineData("group:00g1:member:user:00u1:x")]
    public void GrantIdTryParse_Others_AreRejected(string text)
    {
        Assert.False(GrantId.TryParse(text, out _));
    }

    [Fact]
    public void GrantSourceParse_DirectAndGroup_RoundTrip()
    {
        Assert.Same(GrantSource.Direct, GrantSource.Parse("direct"));
        Assert.Equal("00g9", GrantSource.Parse("group:00g9").GroupId);
        Assert.Throws<FormatException>(() => GrantSource.Parse("group:"));
    }
}
