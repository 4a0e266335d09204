namespace BatonOktaAws.Core.Baton;

/// <summary>Baton resource types this connector writes.</summary>
public static class ResourceType
{
    public const string User = "user";
    public const string Group = "group";

    /// <summary>An AWS account: its entitlements are the roles that may be assumed in it.</summary>
    public const string Account = "account";

    /// <summary>An Okta admin role: a standard role by its type (SUPER_ADMIN, ...), a custom role by its id.</summary>
    public const string AdminRole = "role";

    public static bool IsPrincipal(string type) => type is User or Group;
}
