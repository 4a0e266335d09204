using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Sync;

/// <summary>How Okta objects become sync-file records (resources and entitlements).</summary>
internal static class SyncRecords
{
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
        return new UserRecord(user.Id!, name, profile?.Login, profile?.Email, skipSecondaryEmails ? null : profile?.SecondEmail, user.Status);
    }

    /// <summary>A user known only by id (an app user whose embedded user was missing).</summary>
    public static UserRecord UnknownUser(string id) => new(id, id, null, null, null, null);

    public static GroupRecord Group(OktaGroup group) =>
        new(group.Id!, group.Profile?.Name ?? group.Id!, group.Profile?.Description, group.Type);

    public static EntitlementRecord Membership(string groupId, string groupName) =>
        new(EntitlementId.GroupMember(groupId), $"{groupName} member", $"Member of the Okta group {groupName}");

    public static EntitlementRecord Role(AwsAccountId account, SamlRole role) =>
        new(EntitlementId.AccountRole(account.Value, role.Name), $"{role.Name} in {account}", $"May assume the AWS role {role.Name} in account {account}");

    public static AccountRecord Account(AwsAccountId account) => new(account.Value, $"AWS account {account}");
}
