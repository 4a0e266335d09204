namespace OktaSimulator.Http;

/// <summary>Which rate-limit bucket a request path counts against.</summary>
public static class RateLimitBucket
{
    public const string Apps = "/api/v1/apps";
    public const string Groups = "/api/v1/groups";
    public const string Users = "/api/v1/users";

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
        return prefix + family.ToString();
    }
}
