namespace BatonOktaAws.Core.Iam;

/// <summary>
/// <c>RoleLastUsed</c>: when and where the role's credentials were last used. AWS tracks this for a trailing
/// 400 days; absent means not used in that window (or never).
/// </summary>
public sealed record RoleLastUsed(DateTimeOffset? LastUsedDate, string? Region);
