namespace BatonOktaAws.Core.Provisioning;

/// <summary>samlRoles as an ordered list without duplicates, and how it reads in messages.</summary>
internal static class RoleSet
{
    public static List<string> With(IEnumerable<string>? roles, string role)
    {
        var result = Distinct(roles);
        if (!result.Contains(role, StringComparer.Ordinal))
        {
            result.Add(role);
        }

        return result;
    }

    public static List<string> Without(IEnumerable<string>? roles, string role) =>
        [.. Distinct(roles).Where(r => !string.Equals(r, role, StringComparison.Ordinal))];

    public static List<string> Distinct(IEnumerable<string>? roles) => [.. (roles ?? []).Distinct(StringComparer.Ordinal)];

    public static bool SameAs(IEnumerable<string>? a, IEnumerable<string>? b) =>
        Distinct(a).Order(StringComparer.Ordinal).SequenceEqual(Distinct(b).Order(StringComparer.Ordinal), StringComparer.Ordinal);

    public static string Describe(IEnumerable<string>? roles) => "[" + string.Join(", ", Distinct(roles)) + "]";
}
