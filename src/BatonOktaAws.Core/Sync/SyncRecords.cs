using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Baton;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Sync;

/// <summary>How Okta objects become sync-file records (resources, entitlements and grants in Baton's model).</summary>
internal static class SyncRecords
{
    /// <summary>The app id of a grant no AWS app decides (group membership).</summary>
    public const string NoApp = "";

    public static UserRecord User(OktaUser user, bool skipSecondaryEmails)
    {
        var profile = user.Profile;
        var name = profile?.DisplayName
            ?? (profile?.FirstName, profile?.LastName) switch
            {
                ({ } first, { } last) => $"{first} {last}",
                ({ } first, null) => first,
                (null, { } last) => last,
                _ => profile?.Login ?? user.Id!,
            };
        return new UserRecord(user.Id!, name, profile?.Login, profile?.Email, skipSecondaryEmails ? null : profile?.SecondEmail, user.Status, profile?.FirstName, profile?.LastName);
    }

    /// <summary>A user known only by id (an app user whose embedded user was missing).</summary>
    public static UserRecord UnknownUser(string id) => new(id, id, null, null, null, null);

    public static GroupRecord Group(OktaGroup group) =>
        new(group.Id!, group.Profile?.Name ?? group.Id!, group.Profile?.Description, group.Type, group.SourceAppId, group.Embedded?.App?.Name);

    public static EntitlementRecord Membership(string groupId, string groupName) =>
        Entitlement(EntitlementId.GroupMember(groupId), $"{groupName} member", $"Member of the Okta group {groupName}");

    public static EntitlementRecord Role(AwsAccountId account, SamlRole role) =>
        Entitlement(EntitlementId.AccountRole(account.Value, role.Name), $"{role.Name} in {account}", $"May assume the AWS role {role.Name} in account {account}");

    public static AccountRecord Account(AwsAccountId account) => new(account.Value, $"AWS account {account}");

    public static GrantRecord Grant(EntitlementRecord entitlement, string principalType, string principalId) =>
        new($"{entitlement.Id}:{principalType}:{principalId}", entitlement.Id, entitlement.ResourceType, entitlement.ResourceId, principalType, principalId);

    /// <summary><c>group:&lt;groupId&gt;:member:user:&lt;userId&gt;</c>.</summary>
    public static GrantRecord MembershipGrant(string groupId, string userId)
    {
        var entitlement = EntitlementId.GroupMember(groupId);
        return new($"{entitlement}:{ResourceType.User}:{userId}", entitlement.ToString(), entitlement.ResourceType, entitlement.ResourceId, ResourceType.User, userId);
    }

    public static string Source(AccessSource source) => source.IsDirect ? GrantSource.Direct.Value : GrantSource.Group(source.GroupId!).Value;

    private static EntitlementRecord Entitlement(EntitlementId id, string displayName, string description) =>
        new(id.ToString(), id.ResourceType, id.ResourceId, id.Slug, displayName, description);
}
