using BatonOktaAws.Core.Okta.Models;

namespace BatonOktaAws.Core.Provisioning;

/// <summary><c>group:&lt;groupId&gt;:member</c> for a user: <c>PUT</c>/<c>DELETE /api/v1/groups/{groupId}/users/{userId}</c>.</summary>
internal static class MembershipChange
{
    public static async Task<PlannedChange> PlanAsync(ProvisioningChange change, ProvisioningContext context, CancellationToken cancellationToken)
    {
        var groupId = change.Entitlement.ResourceId;
        var group = await context.RequireGroupAsync(groupId, cancellationToken).ConfigureAwait(false);
        var name = group.Profile?.Name ?? groupId;
        if (group.Type == OktaGroup.AppGroupType)
        {
            var source = await context.DescribeSourceAsync(group, cancellationToken).ConfigureAwait(false);
            throw new ProvisioningException($"Group '{name}' ({groupId}) is imported from {source}; change the membership there: it is an APP_GROUP, whose members Okta takes from its source.");
        }

        if (group.Type == OktaGroup.BuiltInType)
        {
            throw new ProvisioningException($"Group {groupId} ('{name}') is BUILT_IN: Okta manages its members itself and an admin cannot change them.");
        }

        var user = await context.RequireUserAsync(change.Principal, cancellationToken).ConfigureAwait(false);
        var userId = user.Id!;
        var member = await context.Client.IsGroupMemberAsync(groupId, userId, cancellationToken).ConfigureAwait(false);
        var grant = change.Action == ChangeAction.Grant;
        if (member == grant)
        {
            return PlannedChange.Nothing(change, grant ? ProvisioningOutcome.AlreadyGranted : ProvisioningOutcome.AlreadyRevoked, State(member));
        }

        var write = new OktaWrite(grant ? "PUT" : "DELETE", $"/api/v1/groups/{groupId}/users/{userId}", null);
        return new PlannedChange(change, null, write, State(member), [], async (sent, ct) =>
        {
            await sent.SendAsync(write, () => grant
                ? context.Client.AddUserToGroupAsync(groupId, userId, ct)
                : context.Client.RemoveUserFromGroupAsync(groupId, userId, ct)).ConfigureAwait(false);

            var after = await context.Client.IsGroupMemberAsync(groupId, userId, ct).ConfigureAwait(false);
            if (after != grant)
            {
                throw new ProvisioningException($"Okta accepted {write} but {userId} is {State(after)} afterwards; something changed it back.");
            }

            return new AppliedChange(grant ? ProvisioningOutcome.Granted : ProvisioningOutcome.Revoked, State(member), State(after), [write]);
        });
    }

    private static string State(bool member) => member ? "member" : "not a member";
}
