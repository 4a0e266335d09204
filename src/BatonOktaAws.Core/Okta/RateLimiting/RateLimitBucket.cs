namespace BatonOktaAws.Core.Okta.RateLimiting;

/// <summary>
/// The rate-limit bucket a request spends, keyed by API family: all of <c>/api/v1/apps/*</c> shares one
/// (the scarce one), as do <c>/api/v1/groups/*</c> and <c>/api/v1/users/*</c>; anything else is keyed by its
/// first path segment. A user's admin roles (<c>/api/v1/users/{id}/roles...</c>) are their own key: Okta's table
/// puts only <c>/api/v1/users</c> itself and <c>/api/v1/users/{id}</c> in the users rows and has no row for the
/// roles paths, so they are paced by their own headers rather than mixed into the users list's count (docs/aws-access.md).
/// </summary>
public static class RateLimitBucket
{
    public const string Apps = "/api/v1/apps";
    public const string Groups = "/api/v1/groups";
    public const string Users = "/api/v1/users";
    public const string UserRoles = "/api/v1/users/{userId}/roles";

    public static string For(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        const string prefix = "/api/v1/";
        var path = uri.AbsolutePath;
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return path;
        }

        var rest = path.AsSpan(prefix.Length);
        var slash = rest.IndexOf('/');
        if (slash > 0 && rest[..slash].SequenceEqual("users") && IsRolesPath(rest[(slash + 1)..]))
        {
            return UserRoles;
        }

        return prefix + (slash < 0 ? rest : rest[..slash]).ToString();
    }

    /// <summary><c>{id}/roles</c> or <c>{id}/roles/...</c>.</summary>
    private static bool IsRolesPath(ReadOnlySpan<char> afterUsers)
    {
        var slash = afterUsers.IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }

        var sub = afterUsers[(slash + 1)..];
        return sub.SequenceEqual("roles") || sub.StartsWith("roles/");
    }
}
