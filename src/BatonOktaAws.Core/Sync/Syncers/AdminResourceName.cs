using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Sync.Syncers;

/// <summary>
/// What a resource set's resource stands for, from its Okta Resource Name — <c>orn:okta:idp:{org}:apps</c>,
/// <c>...:apps:{appName}</c>, <c>...:apps:{appName}:{appId}</c>, <c>orn:okta:directory:{org}:groups</c>,
/// <c>...:groups:{groupId}</c> (Okta's "Supported resources" for resource sets) — or, without an ORN, from its
/// <c>_links.self</c> REST URL. Anything else (users, a group's members, policies, ...) is <c>other</c>: it never
/// gives power over an app's assignments or a group's membership.
/// </summary>
internal static class AdminResourceName
{
    public static ResourceSetResourceRecord Parse(string resourceSetId, OktaResourceSetResource resource)
    {
        var (kind, target, appName) = FromOrn(resource.Orn) ?? FromHref(resource.Links?.Self?.Href) ?? (ResourceSetResourceRecord.Other, null, null);
        return new ResourceSetResourceRecord(resourceSetId, resource.Id!, resource.Orn, kind, target, appName);
    }

    private static (string Kind, string? Target, string? AppName)? FromOrn(string? orn)
    {
        var parts = orn?.Split(':');
        if (parts is not { Length: >= 5 } || parts[0] != "orn" || parts[1] != "okta")
        {
            return null;
        }

        var rest = parts[4..];
        return (parts[2], rest) switch
        {
            ("idp", ["apps"]) => (ResourceSetResourceRecord.AllApps, null, null),
            ("idp", ["apps", var name]) when name.Length > 0 => (ResourceSetResourceRecord.AppType, name, name),
            ("idp", ["apps", var name, var id]) when OktaId.IsValid(id) => (ResourceSetResourceRecord.App, id, name),
            ("directory", ["groups"]) => (ResourceSetResourceRecord.AllGroups, null, null),
            ("directory", ["groups", var id]) when OktaId.IsValid(id) => (ResourceSetResourceRecord.Group, id, null),
            _ => (ResourceSetResourceRecord.Other, null, null),
        };
    }

    private static (string Kind, string? Target, string? AppName)? FromHref(string? href)
    {
        if (href is null || !Uri.TryCreate(href, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var segments = uri.AbsolutePath.Trim('/').Split('/');
        return segments switch
        {
            ["api", "v1", "apps"] when uri.Query.Length == 0 => (ResourceSetResourceRecord.AllApps, null, null),
            ["api", "v1", "apps", var id] when OktaId.IsValid(id) => (ResourceSetResourceRecord.App, id, null),
            ["api", "v1", "groups"] when uri.Query.Length == 0 => (ResourceSetResourceRecord.AllGroups, null, null),
            ["api", "v1", "groups", var id] when OktaId.IsValid(id) => (ResourceSetResourceRecord.Group, id, null),
            _ => null,
        };
    }
}
