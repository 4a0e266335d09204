namespace OktaSimulator.Http;

/// <summary>Which rate-limit bucket a request path counts against.</summary>
public static class RateLimitBucket
{
    public const string Apps = "/api/v1/apps";
    public const string Groups = "/api/v1/groups";
    public const string Users = "/api/v1/users";

    /// <summary>
    /// A user's admin roles: Okta's rate-limit table names only <c>/api/v1/users</c> and <c>/api/v1/users/{id}</c> in its
    /// users rows and has no row for the roles paths, so the simulator gives them a bucket of their own.
    /// </summary>
    public const string UserRoles = "/api/v1/users/{userId}/roles";

    /// <summary>The family prefix: <c>/api/v1/apps</c>, <c>/api/v1/groups</c>, <c>/api/v1/users</c>, or <c>/api/v1/&lt;first segment&gt;</c>.</summary>
    public static string For(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        const string prefix = "/api/v1/";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return path;
        }

        var rest = path.AsSpan(prefix.Length);
        var slash = rest.IndexOf('/');
        var family = slash < 0 ? rest : rest[..slash];
        if (family.SequenceEqual("users") && slash > 0)
        {
            var afterId = rest[(slash + 1)..];
            var idEnd = afterId.IndexOf('/');
            if (idEnd > 0 && (afterId[(idEnd + 1)..].SequenceEqual("roles") || afterId[(idEnd + 1)..].StartsWith("roles/")))
            {
                return UserRoles;
            }
        }

        return prefix + family.ToString();
    }
}
