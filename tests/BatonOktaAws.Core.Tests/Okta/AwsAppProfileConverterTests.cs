using System.Text;
using System.Text.Json;
using BatonOktaAws.Core.Okta.Models;

namespace BatonOktaAws.Core.Tests.Okta;

/// <summary>
/// The AWS app profile as Okta's app users and group assignments carry it, read leniently: the usable values
/// are kept and every odd shape is named in <see cref="AwsAppProfile.ShapeProblems"/>.
/// </summary>
public sealed class AwsAppProfileConverterTests
{
    [Fact]
    public void Read_WellFormedProfile_KeepsRolesAndDefaultRoleWithoutProblems()
    {
        var profile = Profile("""{"samlRoles":["Admin","ReadOnly"],"role":"Billing"}""");

        Assert.Equal(["Admin", "ReadOnly"], profile.SamlRoles);
        Assert.Equal("Billing", profile.Role);
        Assert.Empty(profile.ShapeProblems);
    }

    [Fact]
    public void Read_SamlRolesAsOneString_KeepsItAsTheOnlyRoleAndSaysSo()
    {
        var profile = Profile("""{"samlRoles":"Billing"}""");

        Assert.Equal(["Billing"], profile.SamlRoles);
        Assert.Equal(["samlRoles is a single string, not a list"], profile.ShapeProblems);
    }

    [Fact]
    public void Read_ValuesThatAreNotRoleNamesAmongTheRoles_KeepsTheNamesAndNamesEachOddValueAsWritten()
    {
        var profile = Profile("""{"samlRoles":["Admin", 12.50, null, true, { "x" : 1 }, [1,2], {"description":"a long value that does not fit"}, "ReadOnly"]}""");

        Assert.Equal(["Admin", "ReadOnly"], profile.SamlRoles);
        Assert.Equal(
            [
                "samlRoles holds a number 12.50, not a role name",
                "samlRoles holds a boolean true, not a role name",
                "samlRoles holds an object { \"x\" : 1 }, not a role name",
                "samlRoles holds a list [1,2], not a role name",
                "samlRoles holds an object {\"description\":\"a long value that does n…, not a role name",
            ],
            profile.ShapeProblems);
    }

    [Theory]
    [InlineData("""{"a":["b"]}""", "an object")]
    [InlineData("7", "a number")]
    [InlineData("false", "a boolean")]
    public void Read_SamlRolesNeitherListNorString_KeepsNoRolesAndSaysWhatItIs(string samlRoles, string kind)
    {
        var profile = Profile($$"""{"samlRoles":{{samlRoles}},"role":"Billing"}""");

        Assert.Null(profile.SamlRoles);
        Assert.Equal("Billing", profile.Role);
        Assert.Equal([$"samlRoles is {kind}, not a list of role names"], profile.ShapeProblems);
    }

    [Fact]
    public void Read_NullOrEmptyValues_AreAbsentWithoutProblems()
    {
        Assert.Null(Profile("""{"samlRoles":null,"role":null}""").SamlRoles);
        Assert.Empty(Profile("""{"samlRoles":null,"role":null}""").ShapeProblems);
        Assert.Empty(Profile("""{"samlRoles":[]}""").SamlRoles!);
        Assert.Null(Profile("""{"role":""}""").Role);
        Assert.Empty(Profile("""{"role":""}""").ShapeProblems);
        Assert.Null(Profile("{}").SamlRoles);
    }

    [Fact]
    public void Read_DefaultRoleAsAOneNameList_KeepsTheNameAndSaysSo()
    {
        var profile = Profile("""{"role":["Billing"]}""");

        Assert.Equal("Billing", profile.Role);
        Assert.Equal(["role is a list, not a single role name"], profile.ShapeProblems);
    }

    [Theory]
    [InlineData("""["Billing","Admin"]""", "a list")]
    [InlineData("[]", "a list")]
    [InlineData("[7]", "a list")]
    [InlineData("[null]", "a list")]
    [InlineData("7", "a number")]
    [InlineData("true", "a boolean")]
    [InlineData("""{"name":"Billing"}""", "an object")]
    public void Read_DefaultRoleThatIsNotOneName_KeepsNoDefaultRoleAndSaysWhatItIs(string role, string kind)
    {
        var profile = Profile($$"""{"role":{{role}},"samlRoles":["Admin"]}""");

        Assert.Null(profile.Role);
        Assert.Equal(["Admin"], profile.SamlRoles);
        Assert.Equal([$"role is {kind}, not a role name"], profile.ShapeProblems);
    }

    [Fact]
    public void Read_ProblemsWithBothProperties_NamesSamlRolesFirstWhateverTheOrder()
    {
        var profile = Profile("""{"role":7,"samlRoles":"Admin"}""");

        Assert.Equal(["samlRoles is a single string, not a list", "role is a number, not a role name"], profile.ShapeProblems);
    }

    [Theory]
    [InlineData("\"Admin\"", "a string")]
    [InlineData("""[{"samlRoles":["Admin"]}]""", "a list")]
    [InlineData("12", "a number")]
    [InlineData("true", "a boolean")]
    public void Read_ProfileThatIsNotAnObject_KeepsNothingSaysSoAndReadsTheNextAppUser(string profileJson, string kind)
    {
        var users = AppUsers($$"""[{"id":"00u1","profile":{{profileJson}},"scope":"USER"},{"id":"00u2","profile":{"samlRoles":["ReadOnly"]},"scope":"GROUP"}]""");

        Assert.Null(users[0].Profile!.SamlRoles);
        Assert.Null(users[0].Profile!.Role);
        Assert.Equal([$"the profile is {kind}, not an object"], users[0].Profile!.ShapeProblems);
        Assert.Equal("USER", users[0].Scope);
        Assert.Equal(["ReadOnly"], users[1].Profile!.SamlRoles);
        Assert.Equal("GROUP", users[1].Scope);
    }

    [Fact]
    public void Read_NullProfile_IsNoProfile()
    {
        Assert.Null(AppUsers("""[{"id":"00u1","profile":null}]""")[0].Profile);
    }

    [Fact]
    public void Read_OtherPropertiesOfEveryShape_AreSkippedEvenWhenTheyHoldTheSameNames()
    {
        var users = AppUsers("""
            [{"id":"00u1","profile":{
                "email":"a@example.com",
                "nested":{"samlRoles":["Nested"],"role":"Nested","deeper":[{"role":"Deeper"}]},
                "list":[{"samlRoles":["InList"]},["role"],null,1],
                "SamlRoles":["WrongCase"],
                "Role":"WrongCase",
                "samlRoles":["Admin"],
                "flag":false,
                "count":3,
                "nothing":null,
                "role":"Billing",
                "after":{"role":"After"}
            },"scope":"USER"}]
            """);

        Assert.Equal(["Admin"], users[0].Profile!.SamlRoles);
        Assert.Equal("Billing", users[0].Profile!.Role);
        Assert.Empty(users[0].Profile!.ShapeProblems);
        Assert.Equal("USER", users[0].Scope);
    }

    [Fact]
    public void Read_PropertyNamesWithEscapes_AreMatchedByTheirValue()
    {
        var profile = Profile("""{"saml\u0052oles":["Admin\u002FTeam"],"r\u006fle":"Billing"}""");

        Assert.Equal(["Admin/Team"], profile.SamlRoles);
        Assert.Equal("Billing", profile.Role);
    }

    [Fact]
    public void Read_PropertyGivenTwice_TheLastOneCountsWithItsProblemsOnly()
    {
        var profile = Profile("""{"samlRoles":"Admin","role":7,"samlRoles":["ReadOnly"],"role":"Billing"}""");

        Assert.Equal(["ReadOnly"], profile.SamlRoles);
        Assert.Equal("Billing", profile.Role);
        Assert.Empty(profile.ShapeProblems);
    }

    [Fact]
    public void Read_GroupAssignmentProfile_IsReadTheSameWay()
    {
        var assignments = JsonSerializer.Deserialize("""[{"id":"00g1","priority":0,"profile":{"samlRoles":["Admin",1],"role":["Billing"]}}]""", OktaJsonContext.Default.ListOktaAppGroupAssignment)!;

        Assert.Equal(["Admin"], assignments[0].Profile!.SamlRoles);
        Assert.Equal("Billing", assignments[0].Profile!.Role);
        Assert.Equal(["samlRoles holds a number 1, not a role name", "role is a list, not a single role name"], assignments[0].Profile!.ShapeProblems);
        Assert.Equal(0, assignments[0].Priority);
    }

    [Fact]
    public async Task Read_FromAStreamInSmallBuffers_GivesTheSameProfiles()
    {
        // The serializer hands a custom converter partial input (the whole value, but not the final block) when it
        // reads a stream; skipping must still work there.
        const string Json = """[{"id":"00u1","profile":{"other":{"a":[1,2,{"b":null}]},"samlRoles":["Admin",{"c":1}],"role":["Billing"]}},{"id":"00u2","profile":["x"]}]""";
        var options = new JsonSerializerOptions { TypeInfoResolver = OktaJsonContext.Default, DefaultBufferSize = 1 };
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Json));

        var users = (List<OktaAppUser>)(await JsonSerializer.DeserializeAsync(stream, options.GetTypeInfo(typeof(List<OktaAppUser>))))!;

        Assert.Equal(["Admin"], users[0].Profile!.SamlRoles);
        Assert.Equal("Billing", users[0].Profile!.Role);
        Assert.Equal(["samlRoles holds an object {\"c\":1}, not a role name", "role is a list, not a single role name"], users[0].Profile!.ShapeProblems);
        Assert.Equal(["the profile is a list, not an object"], users[1].Profile!.ShapeProblems);
    }

    [Fact]
    public void Write_OnlyTheSetProperties_AndReadsBackTheSame()
    {
        var json = JsonSerializer.Serialize(new OktaAppUser { Id = "00u1", Profile = new AwsAppProfile { SamlRoles = ["Admin"] } }, OktaJsonContext.Default.OktaAppUser);

        Assert.Equal("""{"id":"00u1","profile":{"samlRoles":["Admin"]}}""", json);
        Assert.Equal(["Admin"], JsonSerializer.Deserialize(json, OktaJsonContext.Default.OktaAppUser)!.Profile!.SamlRoles);
    }

    private static AwsAppProfile Profile(string json) =>
        AppUsers($$"""[{"id":"00u1","profile":{{json}}}]""")[0].Profile!;

    private static List<OktaAppUser> AppUsers(string json) =>
        JsonSerializer.Deserialize(json, OktaJsonContext.Default.ListOktaAppUser)!;
}
