namespace BatonOktaAws.Core.Provisioning;

/// <summary>A group of the app, named for messages.</summary>
public sealed record GroupRef(string Id, string Name)
{
    public override string ToString() => $"'{Name}' ({Id})";
}

/// <summary>
/// A role a user held through group(s) that a group-to-direct conversion copies into their direct assignment.
/// With <c>joinAllRoles</c> off a direct assignment hides every group's roles, so after the conversion the user
/// keeps this role even if the groups lose it, and does not get roles the groups gain later.
/// </summary>
public sealed record RoleMadeDirect(string Role, IReadOnlyList<GroupRef> Groups)
{
    public override string ToString() =>
        Groups.Count == 0 ? $"{Role} (was through a group)" : $"{Role} (was through {string.Join(" and ", Groups)})";
}
