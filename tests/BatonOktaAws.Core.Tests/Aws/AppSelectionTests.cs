using BatonOktaAws.Core.Aws;

namespace BatonOktaAws.Core.Tests.Aws;

public sealed class AppSelectionTests
{
    [Theory]
    [InlineData("all")]
    [InlineData(" ALL ")]
    public void Parse_All_SelectsEveryApp(string text)
    {
        Assert.True(AppSelection.Parse(text).All);
    }

    [Fact]
    public void Parse_CommaSeparatedIds_KeepsTheirOrderWithoutRepeats()
    {
        var selection = AppSelection.Parse("0oa2, 0oa1,0oa2");

        Assert.False(selection.All);
        Assert.Equal(["0oa2", "0oa1"], selection.Ids);
        Assert.Equal("0oa2,0oa1", selection.ToString());
    }

    [Theory]
    [InlineData("0oa1,,0oa2", "is not a list of app ids")]
    [InlineData("0oa1,../admin", "'../admin' is not an Okta app id")]
    [InlineData("", "is not a list of app ids")]
    [InlineData("all,0oa1", "mixes 'all' with app ids")]
    public void Parse_Malformed_NamesTheBadPart(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => AppSelection.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
