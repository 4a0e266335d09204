namespace BatonOktaAws.Core.Review.Admin;

/// <summary>
/// An Okta admin role as one person holds it: its type (SUPER_ADMIN, ..., CUSTOM), its id in Baton's model (the type,
/// or a custom role's id), its label, and how it is held — directly, or through a group (<see cref="ViaGroupId"/>).
/// </summary>
public sealed record HeldAdminRole(string RoleType, string RoleId, string Label, string? ViaGroupId, string? ViaGroupName)
{
    public bool IsCustom => RoleType == Okta.OktaRoleTypes.Custom;

    /// <summary><c>direct</c> or <c>group:&lt;groupId&gt;</c>, as access rows name sources.</summary>
    public string Source => ViaGroupId is null ? "direct" : $"group:{ViaGroupId}";

    /// <summary>"directly" or "via 'Group name'", for people.</summary>
    public string How => ViaGroupId is null ? "directly" : $"via '{ViaGroupName ?? ViaGroupId}'";
}
