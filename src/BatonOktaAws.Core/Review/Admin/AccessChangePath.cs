namespace BatonOktaAws.Core.Review.Admin;

/// <summary>
/// One way one person can change who may assume AWS roles through an app: by its <see cref="Capability"/> over the
/// app's assignments (<see cref="Role"/> null: any role the app hands out), or over the membership of
/// <see cref="GroupId"/>, which gives <see cref="Role"/> in <see cref="AccountId"/> (both null for a group-mapping
/// app's assigned group: its members become app users and get the roles of the mapped groups they are in).
/// <see cref="Held"/> is the Okta admin role that allows it and <see cref="Reason"/> the rule that applied.
/// </summary>
public sealed record AccessChangePath(
    string AppId,
    string? AppLabel,
    string? AccountId,
    string? Role,
    AdminCapability Capability,
    string? GroupId,
    string? GroupName,
    string UserId,
    string? Login,
    string? UserStatus,
    HeldAdminRole Held,
    string Reason);
