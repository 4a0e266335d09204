using System.Globalization;
using System.Text;
using System.Text.Json;
using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Store.Tests.C1z;

/// <summary>
/// What <c>protoc --decode</c> should print for each message the writer stores, rendered straight from the model
/// and from Baton's schema (field numbers, names, enum names) — independently of the writer's generated protobuf
/// code. protoc prints fields in field-number order, map entries sorted by key, Any with its type expanded, and
/// strings C-escaped byte by byte.
/// </summary>
internal static class TextFormatOracle
{
    private const string TypePrefix = "type.googleapis.com/c1.connector.v2.";

    public static string ResourceType(BatonResourceType resourceType)
    {
        var text = new Printer();
        ResourceTypeFields(text, resourceType);
        return text.ToString();
    }

    public static string Resource(BatonResource resource)
    {
        var text = new Printer();
        text.Message("id", () => ResourceIdFields(text, resource.Id));
        if (resource.Parent is not null)
        {
            text.Message("parent_resource_id", () => ResourceIdFields(text, resource.Parent));
        }

        text.String("display_name", resource.DisplayName);
        if (resource.User is { } user)
        {
            text.Message("annotations", () => text.Message($"[{TypePrefix}UserTrait]", () =>
            {
                foreach (var email in user.Emails)
                {
                    text.Message("emails", () =>
                    {
                        text.String("address", email.Address);
                        text.Bool("is_primary", email.IsPrimary);
                    });
                }

                text.Message("status", () => text.Enum("status", user.Status, "STATUS_"));
                if (user.Profile is not null)
                {
                    text.Message("profile", () => StructFields(text, user.Profile.Fields));
                }

                text.String("login", user.Login);
            }));
        }

        if (resource.Group is { } group)
        {
            text.Message("annotations", () => text.Message($"[{TypePrefix}GroupTrait]", () =>
            {
                if (group.Profile is not null)
                {
                    text.Message("profile", () => StructFields(text, group.Profile.Fields));
                }
            }));
        }

        text.String("description", resource.Description);
        var profile = resource.User?.Profile ?? resource.Group?.Profile;
        if (profile is not null)
        {
            text.Message("profile", () => StructFields(text, profile.Fields));
        }

        if (resource.User is not null)
        {
            text.Message("status", () => text.Enum("status", resource.User.Status, "RESOURCE_STATUS_"));
        }

        return text.ToString();
    }

    public static string Entitlement(BatonEntitlement entitlement, IReadOnlyList<BatonResourceType> resourceTypes)
    {
        var text = new Printer();
        text.Message("resource", () => text.Message("id", () => ResourceIdFields(text, entitlement.Resource)));
        text.String("id", entitlement.Id);
        text.String("display_name", entitlement.DisplayName);
        text.String("description", entitlement.Description);
        foreach (var id in entitlement.GrantableTo)
        {
            text.Message("grantable_to", () => ResourceTypeFields(text, resourceTypes.Single(type => type.Id == id)));
        }

        text.Enum("purpose", entitlement.Purpose, "PURPOSE_VALUE_");
        text.String("slug", entitlement.Slug);
        return text.ToString();
    }

    /// <summary>The data blob: the expandable annotation is not in it (it lives in the expansion column).</summary>
    public static string Grant(BatonGrant grant)
    {
        var text = new Printer();
        text.Message("entitlement", () =>
        {
            text.Message("resource", () => text.Message("id", () => ResourceIdFields(text, grant.EntitlementResource)));
            text.String("id", grant.EntitlementId);
        });
        text.Message("principal", () => text.Message("id", () => ResourceIdFields(text, grant.Principal)));
        text.String("id", grant.Id);
        if (grant.Sources.Count > 0 && grant.Sources.All(source => source.EntitlementId != grant.EntitlementId))
        {
            text.Message("annotations", () => text.Message($"[{TypePrefix}GrantImmutable]", () => { }));
        }

        if (grant.Sources.Count > 0)
        {
            text.Message("sources", () =>
            {
                foreach (var source in grant.Sources.OrderBy(source => source.EntitlementId, StringComparer.Ordinal))
                {
                    text.Message("sources", () =>
                    {
                        text.String("key", source.EntitlementId);
                        text.Message("value", () => text.Bool("is_direct", source.IsDirect));
                    });
                }
            });
        }

        return text.ToString();
    }

    public static string GrantExpandable(BatonGrantExpandable expandable)
    {
        var text = new Printer();
        foreach (var id in expandable.EntitlementIds)
        {
            text.String("entitlement_ids", id);
        }

        text.Bool("shallow", expandable.Shallow);
        return text.ToString();
    }

    private static void ResourceTypeFields(Printer text, BatonResourceType resourceType)
    {
        text.String("id", resourceType.Id);
        text.String("display_name", resourceType.DisplayName);
        foreach (var trait in resourceType.Traits)
        {
            text.Enum("traits", trait, "TRAIT_");
        }
    }

    private static void ResourceIdFields(Printer text, BatonResourceId id)
    {
        text.String("resource_type", id.ResourceType);
        text.String("resource", id.Resource);
    }

    private static void StructFields(Printer text, IEnumerable<KeyValuePair<string, JsonElement>> fields)
    {
        foreach (var (name, value) in fields.OrderBy(field => field.Key, StringComparer.Ordinal))
        {
            text.Message("fields", () =>
            {
                text.String("key", name);
                text.Message("value", () => Value(text, value));
            });
        }
    }

    private static void Value(Printer text, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                text.Line($"string_value: {Quote(value.GetString()!)}");
                break;
            case JsonValueKind.Number:
                text.Line($"number_value: {value.GetDouble().ToString("R", CultureInfo.InvariantCulture)}");
                break;
            case JsonValueKind.True or JsonValueKind.False:
                text.Line($"bool_value: {(value.GetBoolean() ? "true" : "false")}");
                break;
            case JsonValueKind.Object:
                text.Message("struct_value", () => StructFields(text, value.EnumerateObject().Select(property => KeyValuePair.Create(property.Name, property.Value))));
                break;
            case JsonValueKind.Array:
                text.Message("list_value", () =>
                {
                    foreach (var item in value.EnumerateArray())
                    {
                        text.Message("values", () => Value(text, item));
                    }
                });
                break;
            default:
                text.Line("null_value: NULL_VALUE");
                break;
        }
    }

    /// <summary>C-escaping as protoc prints strings: quotes, backslashes and every byte outside printable ASCII.</summary>
    private static string Quote(string value)
    {
        var quoted = new StringBuilder("\"");
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            quoted.Append(b switch
            {
                (byte)'\n' => "\\n",
                (byte)'\r' => "\\r",
                (byte)'\t' => "\\t",
                (byte)'"' => "\\\"",
                (byte)'\'' => "\\'",
                (byte)'\\' => "\\\\",
                < 0x20 or >= 0x7F => "\\" + Convert.ToString(b, 8).PadLeft(3, '0'),
                _ => ((char)b).ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    private sealed class Printer
    {
        private readonly StringBuilder _text = new();
        private int _depth;

        public void Line(string line) => _text.Append(' ', _depth * 2).Append(line).Append('\n');

        /// <summary>proto3 prints no field at its default value.</summary>
        public void String(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                Line($"{name}: {Quote(value)}");
            }
        }

        public void Bool(string name, bool value)
        {
            if (value)
            {
                Line($"{name}: true");
            }
        }

        public void Enum<T>(string name, T value, string prefix)
            where T : struct, System.Enum
        {
            if (Convert.ToInt32(value, CultureInfo.InvariantCulture) != 0)
            {
                Line($"{name}: {prefix}{value.ToString().ToUpperInvariant()}");
            }
        }

        public void Message(string name, Action fields)
        {
            Line($"{name} {{");
            _depth++;
            fields();
            _depth--;
            Line("}");
        }

        public override string ToString() => _text.ToString();
    }
}
