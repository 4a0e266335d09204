using BatonOktaAws.Store;
using BatonOktaAws.Store.C1z;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Baton.Export;

/// <summary>
/// One sync being mapped to Baton's model, with the indexes several resource types need, each built once and only
/// when asked for (listing users needs none of them). Large lists — grants and their sources — are streamed.
/// </summary>
public sealed class ExportContext
{
    private readonly Lazy<IReadOnlyDictionary<string, AwsAppRecord>> _apps;
    private readonly Lazy<HashSet<(string AppId, string UserId)>> _directAppUsers;
    private readonly Lazy<MembershipIndex> _memberships;
    private readonly Lazy<HashSet<string>> _groupsWithMembersRead;
    private readonly Lazy<GroupExpansion> _expansion;

    public ExportContext(SyncView sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        Sync = sync;
        _apps = new(() => sync.Apps().ToDictionary(app => app.AppId, StringComparer.Ordinal));
        _directAppUsers = new(() => [.. sync.AppUsers().Where(user => user.Scope == Okta.Models.OktaAppUser.UserScope).Select(user => (user.AppId, user.UserId))]);
        _memberships = new(() => new MembershipIndex(sync));
        _expansion = new(() => new GroupExpansion(this));
        _groupsWithMembersRead = new(() =>
        [
            .. sync.AppGroups().Where(group => Apps.TryGetValue(group.AppId, out var app) && !app.UseGroupMapping).Select(group => group.GroupId),
            .. sync.MappedGroups().Select(group => group.GroupId),
            .. sync.AdminRoles().Where(role => role.AssigneeType == ResourceType.Group).Select(role => role.AssigneeId),
        ]);
    }

    public SyncView Sync { get; }

    /// <summary>The AWS apps of the sync, by app id.</summary>
    internal IReadOnlyDictionary<string, AwsAppRecord> Apps => _apps.Value;

    internal MembershipIndex Memberships => _memberships.Value;

    /// <summary>
    /// Whether the sync read the group's members, as it does for the groups that decide access — those assigned to a
    /// single-account app and those a group-mapping app maps — and for the groups holding Okta admin roles. (A group
    /// assigned only to group-mapping apps makes its members app users, but who they are is not read.)
    /// </summary>
    internal bool MembersRead(string groupId) => _groupsWithMembersRead.Value.Contains(groupId);

    /// <summary>Which group grants reach every member (<see cref="GroupExpansion"/>).</summary>
    internal GroupExpansion Expansion => _expansion.Value;

    /// <summary>Whether the user's assignment to the app is their own (scope USER) rather than through a group.</summary>
    internal bool IsDirectAppUser(string appId, string userId) => _directAppUsers.Value.Contains((appId, userId));

    /// <summary>The sync's grants on entitlements of one resource type, each with its sources, streamed.</summary>
    internal IEnumerable<SyncGrant> Grants(string resourceType) =>
        SyncGrantStream.Read(Sync).Where(grant => grant.Grant.ResourceType == resourceType);

    /// <summary>The sync's entitlements on resources of one type, as Baton entitlements with the given purpose.</summary>
    internal IEnumerable<BatonEntitlement> Entitlements(string resourceType, BatonEntitlementPurpose purpose, IReadOnlyList<string> grantableTo) =>
        Sync.Entitlements()
            .Where(entitlement => entitlement.ResourceType == resourceType)
            .Select(entitlement => new BatonEntitlement(
                entitlement.Id,
                new BatonResourceId(entitlement.ResourceType, entitlement.ResourceId),
                entitlement.Slug,
                entitlement.DisplayName,
                entitlement.Description,
                purpose,
                grantableTo));

    internal static BatonGrant ToBaton(GrantRecord grant, IReadOnlyList<BatonGrantSource> sources, BatonGrantExpandable? expandable) =>
        new(
            grant.Id,
            grant.EntitlementId,
            new BatonResourceId(grant.ResourceType, grant.ResourceId),
            new BatonResourceId(grant.PrincipalType, grant.PrincipalId),
            sources,
            expandable);
}
