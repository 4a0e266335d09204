namespace BatonOktaAws.Cli.Tests;

public sealed class ArgumentRewriterTests
{
    private static readonly string[] Commands = ["sync", "access", "demo", "grant", "revoke"];

    [Theory]
    [InlineData(new string[0], new[] { "sync" })]
    [InlineData(new[] { "--domain", "a.okta.com" }, new[] { "sync", "--domain", "a.okta.com" })]
    [InlineData(new[] { "access", "-o", "json" }, new[] { "access", "-o", "json" })]
    [InlineData(new[] { "--help" }, new[] { "--help" })]
    [InlineData(new[] { "--version" }, new[] { "--version" })]
    [InlineData(new[] { "--file", "x.db", "--help" }, new[] { "sync", "--file", "x.db", "--help" })]
    [InlineData(new[] { "--revoke-grant", "group:00g1:member:user:00u1", "--provisioning" }, new[] { "revoke", "--grant", "group:00g1:member:user:00u1", "--provisioning" })]
    [InlineData(
        new[] { "--grant-entitlement=group:00g1:member", "--grant-principal-type", "user", "--grant-principal", "00u1" },
        new[] { "grant", "--entitlement=group:00g1:member", "--principal-type", "user", "--principal", "00u1" })]
    [InlineData(new[] { "bogus" }, new[] { "bogus" })]
    [InlineData(new[] { "--log-format", "json", "access", "--file", "x.db" }, new[] { "access", "--log-format", "json", "--file", "x.db" })]
    [InlineData(new[] { "--file", "access", "--resume" }, new[] { "sync", "--file", "access", "--resume" })]
    public void Rewrite_Arguments_DefaultToSyncAndMapBatonOneShotFlags(string[] args, string[] expected)
    {
        Assert.Equal(expected, ArgumentRewriter.Rewrite(args, Commands));
    }
}
