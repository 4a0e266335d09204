namespace OktaSimulator.Fixtures;

/// <summary>
/// The AWS API credentials an AWS app's Provisioning tab holds so Okta can read the account's roles ("Access Key",
/// "Secret Key": https://help.okta.com/en-us/content/topics/deploymentguides/aws/aws-configure-aws-app.htm), which
/// real apps may expose in <c>settings.app</c> as <c>accessKey</c>, <c>secretKey</c> and <c>secretKeyEnc</c>.
/// Generated apps carry fake but realistic-looking ones so tests can prove the connector never lets them out.
/// </summary>
public sealed record FakeAwsApiCredentials(string AccessKey, string SecretKey, string SecretKeyEnc)
{
    private const string AccessKeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>
    /// Derived from the app id alone, with a random source of its own, so adding them leaves the rest of a
    /// generated org (which shares one seeded sequence) exactly as it was.
    /// </summary>
    public static FakeAwsApiCredentials For(string appId)
    {
        ArgumentNullException.ThrowIfNull(appId);
        var rng = new Random(StableHash(appId));
        return new FakeAwsApiCredentials(
            "AKIA" + Draw(rng, AccessKeyAlphabet, 16),
            Draw(rng, SecretAlphabet, 40),
            "ENC(" + Draw(rng, SecretAlphabet, 64) + ")");
    }

    private static string Draw(Random rng, string alphabet, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[rng.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>FNV-1a: <see cref="string.GetHashCode()"/> changes from one process to the next.</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return unchecked((int)hash);
    }
}
