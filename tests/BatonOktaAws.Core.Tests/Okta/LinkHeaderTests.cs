using BatonOktaAws.Core.Okta.Paging;

namespace BatonOktaAws.Core.Tests.Okta;

public sealed class LinkHeaderTests
{
    [Fact]
    public void FindNext_SeparateHeaders_ReturnsTheNextLink()
    {
        var next = LinkHeader.FindNext([
            "<https://acme.okta.com/api/v1/users?limit=200>; rel=\"self\"",
            "<https://acme.okta.com/api/v1/users?after=00u2&limit=200>; rel=\"next\"",
        ]);

        Assert.Equal(new Uri("https://acme.okta.com/api/v1/users?after=00u2&limit=200"), next);
    }

    [Fact]
    public void FindNext_CommaSeparatedInOneHeader_ReturnsTheNextLink()
    {
        var next = LinkHeader.FindNext(["<https://a.okta.com/x?a=1>; rel=\"self\", <https://a.okta.com/x?after=2>; rel=next"]);

        Assert.Equal(new Uri("https://a.okta.com/x?after=2"), next);
    }

    [Fact]
    public void FindNext_OnlySelf_ReturnsNull()
    {
        Assert.Null(LinkHeader.FindNext(["<https://a.okta.com/x>; rel=\"self\""]));
    }
}
