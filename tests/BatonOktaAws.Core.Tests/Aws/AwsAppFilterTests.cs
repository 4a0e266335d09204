using BatonOktaAws.Core.Aws;

namespace BatonOktaAws.Core.Tests.Aws;

public sealed class AwsAppFilterTests
{
    [Theory]
    [InlineData(null, "OKTA_GROUP", null, true)]
    [InlineData("", "APP_GROUP", "ldap_sun_one", true)]
    [InlineData("okta", "OKTA_GROUP", null, true)]
    [InlineData("okta", "BUILT_IN", null, true)]
    [InlineData("okta", "APP_GROUP", "active_directory", false)]
    [InlineData("okta, active_directory", "APP_GROUP", "active_directory", true)]
    [InlineData("active_directory", "OKTA_GROUP", null, false)]
    [InlineData("Active_Directory", "APP_GROUP", "active_directory", true)]
    public void Allows_GroupSource_FollowsTheListedSources(string? filter, string groupType, string? sourceAppName, bool allowed)
    {
        var appFilter = AwsAppFilter.Parse(filter);

        Assert.Equal(allowed, appFilter.Allows(AwsAppFilter.SourceOf(groupType, sourceAppName)));
    }

    [Fact]
    public void Allows_AppGroupWhoseSourceOktaDidNotName_IsAllowedOnTheSideOfReportingAccess()
    {
        Assert.True(AwsAppFilter.Parse("okta").Allows(AwsAppFilter.SourceOf("APP_GROUP", null)));
    }
}
