using System.Runtime.CompilerServices;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Core.Okta.Paging;
using BatonOktaAws.Store;

namespace BatonOktaAws.Core.Sync.Syncers;

/// <summary>
/// Users holding admin roles: <c>/api/v1/iam/assignees/users</c>, then per user <c>/api/v1/users/{id}/roles</c> with
/// the targets embedded (one request each; a role held through a group comes with the group as assignee) and the
/// users themselves, a few dozen per <c>search=id eq ...</c>. Groups that hold roles are queued for their members.
/// A 403 ends the list and leaves the warning that the admin review is missing.
/// </summary>
internal sealed class AdminRoleHoldersSyncer : ListSyncer<AdminRoleHoldersSyncer.Holder>
{
    private readonly GroupMemberQueue _members;
    private readonly AdminRoleReview _review;
    private readonly bool _skipSecondaryEmails;
    private volatile string? _refused;

    public AdminRoleHoldersSyncer(GroupMemberQueue members, AdminRoleReview review, bool skipSecondaryEmails)
    {
        _members = members;
        _review = review;
        _skipSecondaryEmails = skipSecondaryEmails;
    }

    public override string Stream => "admin-roles:users";

    public override string Description => "users holding admin roles";

    protected override IAsyncEnumerable<OktaPage<Holder>> ListAsync(OktaClient client, Uri? resumeFrom, CancellationToken cancellationToken) =>
        AdminPages.ReadAsync<OktaRoleAssignee, Holder>(
            client.ListRoleAssigneesAsync(resumeFrom, cancellationToken),
            (page, ct) => ReadHoldersAsync(client, page, ct),
            ex => _refused = ex.Request,
            client.Domain.BaseUri,
            cancellationToken);

    protected override void OnPageRead(IReadOnlyList<Holder> items)
    {
        foreach (var role in items.SelectMany(h => h.Roles).Where(r => r.Assignee.IsGroup))
        {
            _members.Add(role.Assignee.Id);
        }
    }

    protected override void Write(SyncBatch batch, IReadOnlyList<Holder> holders)
    {
        if (_refused is { } request)
        {
            _review.Refused(batch, request);
        }

        foreach (var holder in holders)
        {
            batch.UpsertUser(holder.User is { } user ? SyncRecords.User(user, _skipSecondaryEmails) : SyncRecords.UnknownUser(holder.UserId));
            foreach (var role in holder.Roles)
            {
                AdminRoleRecords.Write(batch, role);
            }
        }
    }

    private static async Task<IReadOnlyList<Holder>> ReadHoldersAsync(OktaClient client, OktaPage<OktaRoleAssignee> page, CancellationToken cancellationToken)
    {
        var ids = page.Items.Select(a => a.Id!).Distinct(StringComparer.Ordinal).ToList();
        var roles = Task.WhenAll(ids.Select(id => AdminRoleReader.ReadAsync(client, OktaRoleHolder.User(id), cancellationToken)));
        var users = UsersAsync(client, ids, cancellationToken);
        await Task.WhenAll(roles, users).ConfigureAwait(false);
        var byId = (await users.ConfigureAwait(false)).ToDictionary(u => u.Id!, StringComparer.Ordinal);
        var rolesOf = await roles.ConfigureAwait(false);
        return [.. ids.Select((id, i) => new Holder(id, byId.GetValueOrDefault(id), rolesOf[i]))];
    }

    /// <summary>The holders' user objects; one a search does not return (a search may leave some statuses out) is read by id.</summary>
    private static async Task<IReadOnlyList<OktaUser>> UsersAsync(OktaClient client, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var found = (await client.FindUsersByIdAsync(ids, cancellationToken).ConfigureAwait(false)).ToList();
        var missing = ids.Except(found.Select(u => u.Id!), StringComparer.Ordinal).ToList();
        foreach (var id in missing)
        {
            if (await client.FindUserAsync(id, cancellationToken).ConfigureAwait(false) is { } user)
            {
                found.Add(user);
            }
        }

        return found;
    }

    /// <summary>A user holding admin roles, with the user's object when Okta returned it, and every role they hold.</summary>
    internal sealed record Holder(string UserId, OktaUser? User, IReadOnlyList<AdminRoleRead> Roles);
}
