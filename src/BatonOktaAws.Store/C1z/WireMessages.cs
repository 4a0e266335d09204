using BatonOktaAws.Store.C1z.Wire;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace BatonOktaAws.Store.C1z;

/// <summary>
/// Maps the neutral model to Baton's protobuf messages and back, filling the fields the way baton-sdk's resource,
/// entitlement and grant builders do (pkg/types/...): traits as <c>google.protobuf.Any</c> annotations, a user's
/// profile and status both on the trait and on the resource, grants carrying stub entitlement and principal
/// resources (id only) that readers resolve from v1_entitlements and v1_resources.
/// </summary>
internal static class WireMessages
{
    public static ResourceType ToWire(BatonResourceType resourceType)
    {
        var message = new ResourceType { Id = resourceType.Id, DisplayName = resourceType.DisplayName };
        message.Traits.AddRange(resourceType.Traits.Select(trait => (ResourceType.Types.Trait)trait));
        return message;
    }

    public static BatonResourceType FromWire(ResourceType message) =>
        new(message.Id, message.DisplayName, [.. message.Traits.Select(trait => (BatonTrait)trait)]);

    public static ResourceId ToWire(BatonResourceId id) => new() { ResourceType = id.ResourceType, Resource = id.Resource };

    public static BatonResourceId FromWire(ResourceId id) => new(id.ResourceType, id.Resource);

    public static Resource ToWire(BatonResource resource)
    {
        var message = new Resource
        {
            Id = ToWire(resource.Id),
            DisplayName = resource.DisplayName,
            Description = resource.Description ?? string.Empty,
        };
        if (resource.Parent is not null)
        {
            message.ParentResourceId = ToWire(resource.Parent);
        }

        if (resource.User is { } user)
        {
            var trait = new UserTrait
            {
                Login = user.Login ?? string.Empty,
                Status = new UserTrait.Types.Status { Status_ = (UserTrait.Types.Status.Types.Status)user.Status },
            };
            trait.Emails.AddRange(user.Emails.Select(email => new UserTrait.Types.Email { Address = email.Address, IsPrimary = email.IsPrimary }));
            if (user.Profile is not null)
            {
                trait.Profile = ProfileStruct.ToStruct(user.Profile);
                message.Profile = trait.Profile.Clone();
            }

            message.Status = new Status { Status_ = (Status.Types.ResourceStatus)user.Status };
            message.Annotations.Add(Any.Pack(trait));
        }

        if (resource.Group is { } group)
        {
            var trait = new GroupTrait();
            if (group.Profile is not null)
            {
                trait.Profile = ProfileStruct.ToStruct(group.Profile);
                message.Profile ??= trait.Profile.Clone();
            }

            message.Annotations.Add(Any.Pack(trait));
        }

        return message;
    }

    public static BatonResource FromWire(Resource message)
    {
        BatonUserTrait? user = null;
        BatonGroupTrait? group = null;
        foreach (var annotation in message.Annotations)
        {
            if (annotation.Is(UserTrait.Descriptor))
            {
                var trait = annotation.Unpack<UserTrait>();
                var status = trait.Status is not null
                    ? (BatonUserStatus)trait.Status.Status_
                    : (BatonUserStatus)(message.Status?.Status_ ?? Status.Types.ResourceStatus.Unspecified);
                var profile = trait.Profile ?? message.Profile;
                user = new BatonUserTrait(
                    [.. trait.Emails.Select(email => new BatonEmail(email.Address, email.IsPrimary))],
                    trait.Login.Length == 0 ? null : trait.Login,
                    status,
                    profile is null ? null : ProfileStruct.FromStruct(profile));
            }
            else if (annotation.Is(GroupTrait.Descriptor))
            {
                var profile = annotation.Unpack<GroupTrait>().Profile ?? message.Profile;
                group = new BatonGroupTrait(profile is null ? null : ProfileStruct.FromStruct(profile));
            }
        }

        return new BatonResource(
            FromWire(message.Id),
            message.DisplayName,
            message.ParentResourceId is null ? null : FromWire(message.ParentResourceId),
            message.Description.Length == 0 ? null : message.Description,
            user,
            group);
    }

    public static Entitlement ToWire(BatonEntitlement entitlement, IReadOnlyDictionary<string, ResourceType> resourceTypes)
    {
        var message = new Entitlement
        {
            Id = entitlement.Id,
            Resource = new Resource { Id = ToWire(entitlement.Resource) },
            Slug = entitlement.Slug,
            DisplayName = entitlement.DisplayName,
            Description = entitlement.Description,
            Purpose = (Entitlement.Types.PurposeValue)entitlement.Purpose,
        };
        message.GrantableTo.AddRange(entitlement.GrantableTo.Select(id => resourceTypes[id]));
        return message;
    }

    public static BatonEntitlement FromWire(Entitlement message, BatonResourceId resourceFromColumns) =>
        new(
            message.Id,
            message.Resource?.Id is { } id ? FromWire(id) : resourceFromColumns,
            message.Slug,
            message.DisplayName,
            message.Description,
            (BatonEntitlementPurpose)message.Purpose,
            [.. message.GrantableTo.Select(resourceType => resourceType.Id)]);

    /// <summary>
    /// The grant as Baton's writer stores it: the <c>GrantExpandable</c> annotation goes to v1_grants.expansion,
    /// not into the data blob (baton-sdk dotc1z grants.go, extractAndStripExpansion).
    /// </summary>
    public static (Grant Data, GrantExpandable? Expansion) ToWire(BatonGrant grant)
    {
        var message = new Grant
        {
            Id = grant.Id,
            Entitlement = new Entitlement { Id = grant.EntitlementId, Resource = new Resource { Id = ToWire(grant.EntitlementResource) } },
            Principal = new Resource { Id = ToWire(grant.Principal) },
        };
        if (grant.Sources.Count > 0)
        {
            var sources = new GrantSources();
            // Sorted so the blob is the same bytes for the same grant, as Baton's deterministic marshalling makes it.
            foreach (var source in grant.Sources.OrderBy(source => source.EntitlementId, StringComparer.Ordinal))
            {
                sources.Sources[source.EntitlementId] = new GrantSources.Types.GrantSource { IsDirect = source.IsDirect };
            }

            message.Sources = sources;
        }

        if (grant.IsDerivedOnly)
        {
            message.Annotations.Add(Any.Pack(new GrantImmutable()));
        }

        GrantExpandable? expansion = null;
        if (grant.Expandable is { } expandable)
        {
            expansion = new GrantExpandable { Shallow = expandable.Shallow };
            expansion.EntitlementIds.AddRange(expandable.EntitlementIds);
        }

        return (message, expansion);
    }

    /// <summary>
    /// A stored grant back in the model. Identity comes from the row's columns (Baton may store "slim" blobs without
    /// entitlement and principal); the expansion comes from the column, or from the blob in files older than it.
    /// </summary>
    public static BatonGrant FromWire(Grant message, string id, string entitlementId, BatonResourceId entitlementResource, BatonResourceId principal, byte[]? expansionColumn)
    {
        GrantExpandable? expandable = null;
        if (expansionColumn is { Length: > 0 })
        {
            expandable = GrantExpandable.Parser.ParseFrom(expansionColumn);
        }
        else if (message.Annotations.FirstOrDefault(annotation => annotation.Is(GrantExpandable.Descriptor)) is { } annotation)
        {
            expandable = annotation.Unpack<GrantExpandable>();
        }

        var sources = message.Sources?.Sources
            .OrderBy(source => source.Key, StringComparer.Ordinal)
            .Select(source => new BatonGrantSource(source.Key, source.Value?.IsDirect ?? false))
            .ToList() ?? [];
        return new BatonGrant(
            id,
            entitlementId,
            entitlementResource,
            principal,
            sources,
            expandable is null ? null : new BatonGrantExpandable([.. expandable.EntitlementIds], expandable.Shallow));
    }

    public static byte[] Bytes(IMessage message) => message.ToByteArray();
}
