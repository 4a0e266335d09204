using BatonOktaAws.Core.Aws;

namespace BatonOktaAws.Core.Iam;

/// <summary>The pieces of IAM ARNs the analysis needs: <c>arn:partition:iam::account:resource</c>.</summary>
public static class IamArn
{
    public static bool IsAwsManagedPolicy(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        var parts = arn.Split(':', 6);
        return parts.Length == 6 && parts[0] == "arn" && parts[2] == "iam" && parts[4] == "aws" && parts[5].StartsWith("policy/", StringComparison.Ordinal);
    }

    /// <summary>The partition (<c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>) of an IAM ARN with an account, or null.</summary>
    public static string? Partition(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        var parts = arn.Split(':', 6);
        return parts.Length == 6 && parts[0] == "arn" && parts[2] == "iam" && AwsAccountId.TryParse(parts[4], out _) ? parts[1] : null;
    }

    /// <summary>Whether the ARN names an IAM SAML provider: <c>arn:aws:iam::123456789012:saml-provider/Okta</c>.</summary>
    public static bool IsSamlProvider(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        return Partition(arn) is not null && arn.Split(':', 6)[5].StartsWith("saml-provider/", StringComparison.Ordinal);
    }
}
