using System.Text.Json;
using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Cli.Output;

/// <summary>
/// Baton's objects as the <c>baton</c> CLI prints them with <c>-o json</c> (protojson of c1.connector.v2): field
/// names in lowerCamelCase, in field-number order, enums by name, default values left out, annotations as
/// <c>google.protobuf.Any</c> with an <c>@type</c>, profiles as plain JSON objects.
/// </summary>
internal static class BatonJson
{
    private const string TypePrefix = "type.googleapis.com/c1.connector.v2.";

    public static void ResourceType(Utf8JsonWriter json, BatonResourceType type)
    {
        json.WriteStartObject();
        json.WriteString("id", type.Id);
        NonEmpty(json, "displayName", type.DisplayName);
        if (type.Traits.Count > 0)
        {
            json.WriteStartArray("traits");
            foreach (var trait in type.Traits)
            {
                json.WriteStringValue("TRAIT_" + trait.ToString().ToUpperInvariant());
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    public static void Resource(Utf8JsonWriter json, BatonResource resource)
    {
        json.WriteStartObject();
        ResourceId(json, "id", resource.Id);
        if (resource.Parent is not null)
        {
            ResourceId(json, "parentResourceId", resource.Parent);
        }

        NonEmpty(json, "displayName", resource.DisplayName);
        if (resource.User is not null || resource.Group is not null)
        {
            json.WriteStartArray("annotations");
            if (resource.User is { } user)
            {
                UserTrait(json, user);
            }

            if (resource.Group is { } group)
            {
                json.WriteStartObject();
                json.WriteString("@type", TypePrefix + "GroupTrait");
                Profile(json, group.Profile);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        NonEmpty(json, "description", resource.Description);
        Profile(json, resource.User?.Profile ?? resource.Group?.Profile);
        if (resource.User is { Status: not BatonUserStatus.Unspecified } withStatus)
        {
            json.WriteStartObject("status");
            json.WriteString("status", "RESOURCE_STATUS_" + withStatus.Status.ToString().ToUpperInvariant());
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    public static void Entitlement(Utf8JsonWriter json, BatonEntitlement entitlement, IReadOnlyDictionary<string, BatonResourceType> types)
    {
        json.WriteStartObject();
        json.WriteStartObject("resource");
        ResourceId(json, "id", entitlement.Resource);
        json.WriteEndObject();
        json.WriteString("id", entitlement.Id);
        NonEmpty(json, "displayName", entitlement.DisplayName);
        NonEmpty(json, "description", entitlement.Description);
        if (entitlement.GrantableTo.Count > 0)
        {
            json.WriteStartArray("grantableTo");
            foreach (var typeId in entitlement.GrantableTo)
            {
                ResourceType(json, types.TryGetValue(typeId, out var type) ? type : new BatonResourceType(typeId, string.Empty, []));
            }

            json.WriteEndArray();
        }

        if (entitlement.Purpose != BatonEntitlementPurpose.Unspecified)
        {
            json.WriteString("purpose", "PURPOSE_VALUE_" + entitlement.Purpose.ToString().ToUpperInvariant());
        }

        NonEmpty(json, "slug", entitlement.Slug);
        json.WriteEndObject();
    }

    /// <summary>The grant as stored: its entitlement and principal by id only (readers resolve them), annotations, sources.</summary>
    public static void Grant(Utf8JsonWriter json, BatonGrant grant)
    {
        json.WriteStartObject();
        json.WriteStartObject("entitlement");
        json.WriteStartObject("resource");
        ResourceId(json, "id", grant.EntitlementResource);
        json.WriteEndObject();
        json.WriteString("id", grant.EntitlementId);
        json.WriteEndObject();
        json.WriteStartObject("principal");
        ResourceId(json, "id", grant.Principal);
        json.WriteEndObject();
        json.WriteString("id", grant.Id);
        if (grant.IsDerivedOnly || grant.Expandable is not null)
        {
            json.WriteStartArray("annotations");
            if (grant.IsDerivedOnly)
            {
                json.WriteStartObject();
                json.WriteString("@type", TypePrefix + "GrantImmutable");
                json.WriteEndObject();
            }

            if (grant.Expandable is { } expandable)
            {
                json.WriteStartObject();
                json.WriteString("@type", TypePrefix + "GrantExpandable");
                json.WriteStartArray("entitlementIds");
                foreach (var id in expandable.EntitlementIds)
                {
                    json.WriteStringValue(id);
                }

                json.WriteEndArray();
                if (expandable.Shallow)
                {
                    json.WriteBoolean("shallow", true);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (grant.Sources.Count > 0)
        {
            json.WriteStartObject("sources");
            json.WriteStartObject("sources");
            foreach (var source in grant.Sources)
            {
                json.WriteStartObject(source.EntitlementId);
                if (source.IsDirect)
                {
                    json.WriteBoolean("isDirect", true);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void UserTrait(Utf8JsonWriter json, BatonUserTrait user)
    {
        json.WriteStartObject();
        json.WriteString("@type", TypePrefix + "UserTrait");
        if (user.Emails.Count > 0)
        {
            json.WriteStartArray("emails");
            foreach (var email in user.Emails)
            {
                json.WriteStartObject();
                json.WriteString("address", email.Address);
                if (email.IsPrimary)
                {
                    json.WriteBoolean("isPrimary", true);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteStartObject("status");
        if (user.Status != BatonUserStatus.Unspecified)
        {
            json.WriteString("status", "STATUS_" + user.Status.ToString().ToUpperInvariant());
        }

        json.WriteEndObject();
        Profile(json, user.Profile);
        NonEmpty(json, "login", user.Login);
        json.WriteEndObject();
    }

    private static void ResourceId(Utf8JsonWriter json, string name, BatonResourceId id)
    {
        json.WriteStartObject(name);
        json.WriteString("resourceType", id.ResourceType);
        json.WriteString("resource", id.Resource);
        json.WriteEndObject();
    }

    private static void Profile(Utf8JsonWriter json, BatonProfile? profile)
    {
        if (profile is null)
        {
            return;
        }

        json.WritePropertyName("profile");
        json.WriteStartObject();
        foreach (var (name, value) in profile.Fields.OrderBy(field => field.Key, StringComparer.Ordinal))
        {
            json.WritePropertyName(name);
            value.WriteTo(json);
        }

        json.WriteEndObject();
    }

    private static void NonEmpty(Utf8JsonWriter json, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            json.WriteString(name, value);
        }
    }
}
