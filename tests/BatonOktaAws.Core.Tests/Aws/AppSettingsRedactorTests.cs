using System.Text.Json;
using BatonOktaAws.Core.Aws;

namespace BatonOktaAws.Core.Tests.Aws;

public sealed class AppSettingsRedactorTests
{
    [Fact]
    public void Redact_CredentialsByNameAndByShape_AreRemovedAndNamed()
    {
        using var settings = JsonDocument.Parse("""
            {
              "identityProviderArn": "arn:aws:iam::123456789012:saml-provider/Okta",
              "accessKey": "AKIAEXAMPLEEXAMPLE12",
              "secretKey": "x",
              "secretKeyEnc": "enc",
              "client_secret": "s",
              "webhookPassword": "p",
              "roleValuePattern": "arn:aws:iam::${accountid}:role/${role}",
              "groupFilter": "aws_(?{{accountid}}\\d+)_(?{{role}}[\\w]+)",
              "label2": "AKIAABCDEFGHIJKLMNOP",
              "nested": { "apiToken": "t", "url": "https://x.example", "cert": "-----BEGIN PRIVATE KEY-----abc" },
              "list": ["plain", "c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0"],
              "sessionDuration": 3600,
              "joinAllRoles": true
            }
            """);

        var (json, removed) = AppSettingsRedactor.Redact(settings.RootElement);

        Assert.Equal(["accessKey", "secretKey", "secretKeyEnc", "client_secret", "webhookPassword", "label2", "nested.apiToken", "nested.cert", "list[1]"], removed);
        using var kept = JsonDocument.Parse(json);
        Assert.Equal(
            ["identityProviderArn", "roleValuePattern", "groupFilter", "nested", "list", "sessionDuration", "joinAllRoles"],
            kept.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("aws_(?{{accountid}}\\d+)_(?{{role}}[\\w]+)", kept.RootElement.GetProperty("groupFilter").GetString());
        Assert.Equal(["plain"], kept.RootElement.GetProperty("list").EnumerateArray().Select(e => e.GetString()));
    }
}
