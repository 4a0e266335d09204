using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BatonOktaAws.Core.Aws;

/// <summary>
/// Removes credentials from an app's <c>settings.app</c> before it is stored. The AWS app may carry the AWS API
/// keys Okta uses to read the account's role list (<c>accessKey</c>, <c>secretKey</c>, <c>secretKeyEnc</c>), and
/// other apps other secrets: a key is dropped when its name says it holds a credential, or when its value looks
/// like one (an AWS access key id, a PEM block, a long unbroken token) — deny by name and by shape, so a secret
/// under a name we did not foresee still stays out of the sync file.
/// </summary>
public static partial class AppSettingsRedactor
{
    private static readonly string[] CredentialNameParts =
        ["secret", "password", "passwd", "token", "credential", "accesskey", "privatekey", "apikey", "clientkey", "signingkey", "sharedkey"];

    /// <summary>The settings as compact JSON without credentials, and the names of the keys removed.</summary>
    public static (string Json, IReadOnlyList<string> Removed) Redact(JsonElement settings)
    {
        var removed = new List<string>();
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, settings, string.Empty, removed);
        }

        return (Encoding.UTF8.GetString(buffer.WrittenSpan), removed);
    }

    /// <summary>True when a key of this name holds a credential.</summary>
    public static bool IsCredentialName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var folded = name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return CredentialNameParts.Any(p => folded.Contains(p, StringComparison.Ordinal))
            || folded is "key" or "pwd" or "pass"
            || folded.EndsWith("keyenc", StringComparison.Ordinal);
    }

    /// <summary>True when a string value looks like a credential whatever its key is called.</summary>
    public static bool LooksLikeCredential(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return AwsAccessKeyId().IsMatch(value)
            || value.Contains("-----BEGIN", StringComparison.Ordinal)
            || LongToken().IsMatch(value);
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element, string path, List<string> removed)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    var name = path.Length == 0 ? property.Name : path + "." + property.Name;
                    if (IsCredentialName(property.Name)
                        || (property.Value.ValueKind == JsonValueKind.String && LooksLikeCredential(property.Value.GetString()!)))
                    {
                        removed.Add(name);
                        continue;
                    }

                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value, name, removed);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var name = $"{path}[{index++}]";
                    if (item.ValueKind == JsonValueKind.String && LooksLikeCredential(item.GetString()!))
                    {
                        removed.Add(name);
                        continue;
                    }

                    Write(writer, item, name, removed);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    /// <summary>AWS access key ids: AKIA (long-term) or ASIA (temporary) and 16 more capitals or digits.</summary>
    [GeneratedRegex("(?:AKIA|ASIA)[A-Z0-9]{16}", RegexOptions.CultureInvariant)]
    private static partial Regex AwsAccessKeyId();

    /// <summary>32 or more base64/hex/url-safe characters with nothing else: secret keys, tokens, encrypted blobs.</summary>
    [GeneratedRegex("^[A-Za-z0-9+/=_-]{32,}$", RegexOptions.CultureInvariant)]
    private static partial Regex LongToken();
}
