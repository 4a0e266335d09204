namespace BatonOktaAws.Core.Okta.RateLimiting;

/// <summary>
/// The rate-limit bucket a request spends, keyed by API family: all of <c>/api/v1/apps/*</c> shares one
/// (the scarce one), as do <c>/api/v1/groups/*</c> and <c>/api/v1/users/*</c>; anything else is keyed by its
/// first path segment.
/// </summary>
public static class RateLimitBucket
{
    public const string Apps = "/api/v1/apps";
    public const string Groups = "/api/v1/groups";
    public const string Users = "/api/v1/users";

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
        return prefix + (slash < 0 ? rest : rest[..slash]).ToString();
    }
}
