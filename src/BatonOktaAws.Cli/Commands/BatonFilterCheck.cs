using System.CommandLine;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Cli.Output;
using BatonOktaAws.Core.Baton.Export;
using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Cli.Commands;

/// <summary>
/// A filter of <c>resources</c>, <c>entitlements</c> or <c>grants</c> that names something the file does not hold is
/// an error (exit 3) saying so, not an empty list — as <c>access</c> treats its filters.
/// </summary>
internal static class BatonFilterCheck
{
    /// <exception cref="NotInSyncFileException">The file has no such resource type.</exception>
    public static void ResourceType(OptionValues values, Option option, string? type, BatonLookup lookup, IBatonObjects objects)
    {
        if (type is not null && !lookup.HasResourceType(type))
        {
            throw new NotInSyncFileException($"{values.SourceOf(option)}: {objects.Path} ({objects.SyncDescription}) has no resource type '{type}'; it has {string.Join(", ", lookup.Types.Keys)}.");
        }
    }

    /// <exception cref="NotInSyncFileException">The file has no such resource.</exception>
    public static void Resource(OptionValues values, Option option, BatonResourceId resource, BatonLookup lookup, IBatonObjects objects)
    {
        if (!lookup.HasResource(resource))
        {
            throw new NotInSyncFileException($"{values.SourceOf(option)}: {objects.Path} ({objects.SyncDescription}) has no resource {resource}; list them with `baton-okta-aws resources -t {resource.ResourceType}`.");
        }
    }

    /// <exception cref="NotInSyncFileException">The file has no such entitlement.</exception>
    public static void Entitlement(OptionValues values, Option option, string entitlementId, BatonLookup lookup, IBatonObjects objects)
    {
        if (!lookup.HasEntitlement(entitlementId))
        {
            throw new NotInSyncFileException($"{values.SourceOf(option)}: {objects.Path} ({objects.SyncDescription}) has no entitlement '{entitlementId}'; list them with `baton-okta-aws entitlements`.");
        }
    }
}
