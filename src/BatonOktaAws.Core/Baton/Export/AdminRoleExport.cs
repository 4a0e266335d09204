using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Core.Baton.Export;

/// <summary>
/// Okta admin roles (standard and custom): resources with Baton's role trait, each offering
/// <c>role:&lt;roleTypeOrId&gt;:assigned</c> (an assignment, held by users and groups) — who can change access, not
/// access itself. A role held through a group is the group's grant, as Okta lists it, expandable over the group's
/// members: Okta gives a group's admin role to every member. Read-only: <c>grant</c> and <c>revoke</c> refuse these
/// entitlements.
/// </summary>
public sealed class AdminRoleExport : IResourceTypeExport
{
    public BatonResourceType ResourceType { get; } = new(Baton.ResourceType.AdminRole, "Okta Admin Role", [BatonTrait.Role]);

    public bool SupportsProvisioning => false;

    public IEnumerable<BatonResource> Resources(ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Sync.AdminRoleResources().Select(role => new BatonResource(
            new BatonResourceId(Baton.ResourceType.AdminRole, role.Id),
            role.DisplayName,
            Description: string.IsNullOrEmpty(role.Description) ? null : role.Description));
    }

    public IEnumerable<BatonEntitlement> Entitlements(ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Entitlements(Baton.ResourceType.AdminRole, BatonEntitlementPurpose.Assignment, [Baton.ResourceType.User, Baton.ResourceType.Group]);
    }

    public IEnumerable<BatonGrant> Grants(ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var grant in context.Grants(Baton.ResourceType.AdminRole))
        {
            var (principalType, principalId) = (grant.Grant.PrincipalType, grant.Grant.PrincipalId);
            yield return principalType == Baton.ResourceType.Group
                ? ExportContext.ToBaton(grant.Grant, [], context.MembersRead(principalId) ? new BatonGrantExpandable([EntitlementId.GroupMember(principalId).ToString()]) : null)
                : ExportContext.ToBaton(grant.Grant, UserSources(grant), null);
        }
    }

    /// <summary>A member's grant says which groups (and whether their own assignment) give them the role, as Baton's expander would.</summary>
    private static IReadOnlyList<BatonGrantSource> UserSources(SyncGrant grant)
    {
        var sources = new GrantSourceSet();
        foreach (var source in grant.Sources)
        {
            sources.AddHeld(grant.Grant.EntitlementId, source.Source);
        }

        return sources.ToList();
    }
}
