using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace BatonOktaAws.Core.Aws;

/// <summary>A 12-digit AWS account id.</summary>
public readonly partial record struct AwsAccountId
{
    private AwsAccountId(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out AwsAccountId? accountId)
    {
        accountId = text is not null && TwelveDigits().IsMatch(text) ? new AwsAccountId(text) : null;
        return accountId is not null;
    }

    public static AwsAccountId Parse(string text) =>
        TryParse(text, out var id) ? id.Value : throw new FormatException($"'{text}' is not an AWS account id (12 digits).");

    /// <summary>The account field of an IAM ARN such as <c>arn:aws:iam::123456789012:saml-provider/Okta</c>.</summary>
    public static bool TryFromArn(string? arn, [NotNullWhen(true)] out AwsAccountId? accountId)
    {
        accountId = null;
        var parts = arn?.Split(':');
        return parts is { Length: >= 6 } && parts[0] == "arn" && parts[2] == "iam" && TryParse(parts[4], out accountId);
    }

    public override string ToString() => Value;

    [GeneratedRegex("^[0-9]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex TwelveDigits();
}
