using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Core.Okta.Paging;
using BatonOktaAws.Store;

namespace BatonOktaAws.Core.Sync.Syncers;

/// <summary>
/// Groups holding admin roles. Okta has no call that lists them; <c>/api/v1/groups?expand=stats</c> marks each
/// group that holds a role (<c>_embedded.stats.hasAdminPrivlege</c>) at the groups page size (10,000 by default), so
/// one list finds them all — including groups whose members hold no role of their own, which the users' lists never
/// name, and groups with no members yet. Each marked group's roles are read with <c>/api/v1/groups/{id}/roles</c> (one request per
/// group holding roles, never one per group of the org) and its members are queued.
/// </summary>
internal sealed class AdminGroupsSyncer : ListSyncer<AdminGroupsSyncer.RoleGroup>
{
    private readonly GroupMemberQueue _members;
    private readonly GroupSizes _sizes;
    private readonly AdminRoleReview _review;
    private volatile string? _refused;
    private long _withoutStats;

    /// <param name="sizes">Told every group's member count from the stats, for progress against totals.</param>
    public AdminGroupsSyncer(GroupMemberQueue members, GroupSizes sizes, AdminRoleReview review)
    {
        _members = members;
        _sizes = sizes;
        _review = review;
    }

    public override string Stream => "admin-roles:groups";

    public override string Description => "groups holding admin roles";

    protected override IAsyncEnumerable<OktaPage<RoleGroup>> ListAsync(OktaClient client, Uri? resumeFrom, CancellationToken cancellationToken) =>
        AdminPages.ReadAsync<OktaGroup, RoleGroup>(
            client.ListGroupsAsync(null, "stats", resumeFrom, cancellationToken),
            (page, ct) => ReadRoleGroupsAsync(client, page, ct),
            ex => _refused = ex.Request,
            client.Domain.BaseUri,
            cancellationToken);

    protected override void OnPageRead(IReadOnlyList<RoleGroup> items)
    {
        foreach (var group in items.Where(g => g.Roles.Count > 0))
        {
            _members.Add(group.Group.Id!);
        }
    }

    protected override void Write(SyncBatch batch, IReadOnlyList<RoleGroup> groups)
    {
        if (_refused is { } request)
        {
            _review.Refused(batch, request);
        }

        if (Interlocked.Read(ref _withoutStats) > 0)
        {
            _review.GroupStatsMissing(batch);
        }

        foreach (var (okta, roles) in groups)
        {
            var group = SyncRecords.Group(okta);
            batch.UpsertGroup(group);
            batch.AddEntitlement(SyncRecords.Membership(group.Id, group.Name));
            foreach (var role in roles)
            {
                AdminRoleRecords.Write(batch, role);
            }
        }
    }

    private async Task<IReadOnlyList<RoleGroup>> ReadRoleGroupsAsync(OktaClient client, OktaPage<OktaGroup> page, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref _withoutStats, page.Items.Count(g => g.Embedded?.Stats?.HasAdminPrivilege is null));
        foreach (var group in page.Items)
        {
            if (group.Embedded?.Stats?.UsersCount is { } count)
            {
                _sizes.Know(group.Id!, count);
            }
        }

        var marked = page.Items.Where(g => g.Embedded?.Stats?.HasAdminPrivilege == true).ToList();
        var roles = await Task.WhenAll(marked.Select(g => AdminRoleReader.ReadAsync(client, OktaRoleHolder.Group(g.Id!), cancellationToken))).ConfigureAwait(false);
        return [.. marked.Select((g, i) => new RoleGroup(g, roles[i]))];
    }

    /// <summary>A group Okta marks as holding admin roles, with the roles it holds.</summary>
    internal sealed record RoleGroup(OktaGroup Group, IReadOnlyList<AdminRoleRead> Roles);
}
