namespace OktaSimulator.Model;

/// <summary>
/// One resource in a resource set. Fixtures name them ORN-style: <c>apps</c> (all apps), <c>apps:amazon_aws</c>
/// (all apps of a type), <c>apps:amazon_aws:0oa...</c> (one app), <c>groups</c> (all groups), <c>groups:00g...</c>.
/// </summary>
public sealed record ResourceSetResource(string Id, string Text, DateTimeOffset Created)
{
    public bool IsApps => Text == "apps" || Text.StartsWith("apps:", StringComparison.Ordinal);

    public bool IsGroups => Text == "groups" || Text.StartsWith("groups:", StringComparison.Ordinal);

    /// <summary>For <c>groups:00g...</c>, the group id.</summary>
    public string? GroupId => Text.StartsWith("groups:", StringComparison.Ordinal) ? Text["groups:".Length..] : null;

    /// <summary>For <c>apps:name</c> or <c>apps:name:id</c>, the app target it stands for.</summary>
    public AppTarget? App => Text.StartsWith("apps:", StringComparison.Ordinal) ? AppTarget.Parse(Text["apps:".Length..]) : null;

    /// <summary>
    /// The Okta Resource Name: apps live under <c>idp</c> and groups under <c>directory</c>, as in the contract's
    /// RoleTarget and ResourceSetResource examples (<c>orn:okta:idp:{org}:apps:myownapp:0oa...</c>,
    /// <c>orn:okta:directory:{org}:groups:00g...</c>).
    /// </summary>
    public string Orn(string orgId) => IsApps ? $"orn:okta:idp:{orgId}:{Text}" : $"orn:okta:directory:{orgId}:{Text}";

    /// <summary>The REST URL of what the resource names (<c>_links.self</c>).</summary>
    public string Href(string baseUrl)
    {
        if (GroupId is { } groupId)
        {
            return $"{baseUrl}/api/v1/groups/{groupId}";
        }

        if (App is { } app)
        {
            return app.AppId is { } appId
                ? $"{baseUrl}/api/v1/apps/{appId}"
                : $"{baseUrl}/api/v1/apps?filter={Uri.EscapeDataString($"name eq \"{app.AppName}\"")}";
        }

        return IsApps ? $"{baseUrl}/api/v1/apps" : $"{baseUrl}/api/v1/groups";
    }
}
