using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BatonOktaAws.Core.Iam.Policies;

/// <summary>
/// Reads IAM policy documents as exports carry them: a JSON object (the AWS CLI decodes policies), or a string
/// holding URL-encoded JSON (the IAM API and most SDKs, RFC 3986 encoding) or plain JSON text. Every element
/// that the policy grammar lets be a string or a list may be either.
/// </summary>
public static class PolicyDocumentParser
{
    /// <exception cref="FormatException">The value is not a policy document; the message says what is wrong.</exception>
    public static PolicyDocument Parse(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                return ParseObject(value);
            case JsonValueKind.String:
                return ParseText(value.GetString()!);
            default:
                throw new FormatException($"a policy document must be a JSON object or a string, not {Kind(value)}");
        }
    }

    /// <summary>Parses JSON text, URL-decoding it first when it is URL-encoded.</summary>
    public static PolicyDocument ParseText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (!trimmed.StartsWith('{'))
        {
            // "%7B%22Version%22..." — the API's RFC 3986 encoding; '+' is a literal plus there, not a space.
            trimmed = Uri.UnescapeDataString(trimmed).Trim();
            if (!trimmed.StartsWith('{'))
            {
                throw new FormatException("a policy document string is neither JSON nor URL-encoded JSON");
            }
        }

        try
        {
            using var document = JsonDocument.Parse(trimmed);
            return ParseObject(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"a policy document is not valid JSON ({ex.Message})", ex);
        }
    }

    private static PolicyDocument ParseObject(JsonElement document)
    {
        if (document.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"a policy document must be a JSON object, not {Kind(document)}");
        }

        string? version = null;
        if (JsonFields.TryGet(document, "Version", out var versionElement))
        {
            version = versionElement.ValueKind == JsonValueKind.String
                ? versionElement.GetString()
                : throw new FormatException($"the policy's Version must be a string, not {Kind(versionElement)}");
        }

        if (!JsonFields.TryGet(document, "Statement", out var statementElement))
        {
            throw new FormatException("the policy document has no Statement");
        }

        var statements = statementElement.ValueKind switch
        {
            JsonValueKind.Object => [ParseStatement(statementElement, 0)],
            JsonValueKind.Array => statementElement.EnumerateArray().Select(ParseStatement).ToList(),
            _ => throw new FormatException($"the policy's Statement must be an object or a list, not {Kind(statementElement)}"),
        };

        return new PolicyDocument(version, statements, Canonical(document));
    }

    private static PolicyStatement ParseStatement(JsonElement statement, int index)
    {
        if (statement.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"statement {index} must be an object, not {Kind(statement)}");
        }

        var effectText = JsonFields.TryGet(statement, "Effect", out var effectElement) && effectElement.ValueKind == JsonValueKind.String
            ? effectElement.GetString()
            : null;
        var effect = effectText switch
        {
            "Allow" => PolicyEffect.Allow,
            "Deny" => PolicyEffect.Deny,
            _ => throw new FormatException($"statement {index} has Effect {(effectText is null ? "missing" : $"'{effectText}'")}; expected \"Allow\" or \"Deny\""),
        };

        var actions = PatternElement(statement, "Action", "NotAction", index)
            ?? throw new FormatException($"statement {index} has neither Action nor NotAction");
        var resources = PatternElement(statement, "Resource", "NotResource", index) ?? PatternList.Absent;

        PolicyPrincipal? principal = null;
        var principalNegated = false;
        if (JsonFields.TryGet(statement, "Principal", out var principalElement))
        {
            principal = ParsePrincipal(principalElement, index);
        }
        else if (JsonFields.TryGet(statement, "NotPrincipal", out var notPrincipalElement))
        {
            principal = ParsePrincipal(notPrincipalElement, index);
            principalNegated = true;
        }

        return new PolicyStatement
        {
            Index = index,
            Sid = JsonFields.TryGet(statement, "Sid", out var sid) && sid.ValueKind == JsonValueKind.String ? sid.GetString() : null,
            Effect = effect,
            Actions = actions,
            Resources = resources,
            Principal = principal,
            PrincipalNegated = principalNegated,
            Conditions = JsonFields.TryGet(statement, "Condition", out var condition) ? ParseConditions(condition, index) : [],
        };
    }

    private static PatternList? PatternElement(JsonElement statement, string name, string negatedName, int index)
    {
        var hasPlain = JsonFields.TryGet(statement, name, out var plain);
        var hasNegated = JsonFields.TryGet(statement, negatedName, out var negated);
        if (hasPlain && hasNegated)
        {
            throw new FormatException($"statement {index} has both {name} and {negatedName}");
        }

        if (hasPlain)
        {
            return new PatternList(JsonFields.StringOrList(plain, $"statement {index} {name}"), Negated: false);
        }

        return hasNegated ? new PatternList(JsonFields.StringOrList(negated, $"statement {index} {negatedName}"), Negated: true) : null;
    }

    private static PolicyPrincipal ParsePrincipal(JsonElement element, int index)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString() == "*"
                ? new PolicyPrincipal { IsEveryone = true }
                : throw new FormatException($"statement {index} Principal is the string '{element.GetString()}'; only \"*\" may be written as a plain string");
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"statement {index} Principal must be \"*\" or an object, not {Kind(element)}");
        }

        var principal = new PolicyPrincipal();
        foreach (var property in element.EnumerateObject())
        {
            var values = JsonFields.StringOrList(property.Value, $"statement {index} Principal {property.Name}");
            principal = property.Name.ToUpperInvariant() switch
            {
                "AWS" => principal with { Aws = values, IsEveryone = principal.IsEveryone || values.Contains("*") },
                "FEDERATED" => principal with { Federated = values },
                "SERVICE" => principal with { Service = values },
                "CANONICALUSER" => principal with { CanonicalUser = values },
                _ => throw new FormatException($"statement {index} Principal has the unknown type '{property.Name}'"),
            };
        }

        return principal;
    }

    private static List<PolicyCondition> ParseConditions(JsonElement element, int index)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"statement {index} Condition must be an object, not {Kind(element)}");
        }

        var conditions = new List<PolicyCondition>();
        foreach (var op in element.EnumerateObject())
        {
            if (op.Value.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"statement {index} Condition {op.Name} must be an object of keys, not {Kind(op.Value)}");
            }

            foreach (var key in op.Value.EnumerateObject())
            {
                conditions.Add(new PolicyCondition(op.Name, key.Name, ConditionValues(key.Value, index, op.Name, key.Name)));
            }
        }

        return conditions;
    }

    private static List<string> ConditionValues(JsonElement value, int index, string op, string key)
    {
        // Condition values are strings, booleans or numbers, alone or in a list.
        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        return items.Select(item => item.ValueKind switch
        {
            JsonValueKind.String => item.GetString()!,
            JsonValueKind.True or JsonValueKind.False or JsonValueKind.Number => item.GetRawText(),
            _ => throw new FormatException($"statement {index} Condition {op} {key} has a value of type {Kind(item)}"),
        }).ToList();
    }

    private static string Canonical(JsonElement element)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture);
}
