using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Core.Okta.Paging;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Sync.Syncers;

/// <summary>
/// The org's resource sets (<c>/api/v1/iam/resource-sets</c>): for each, its resources (what a custom role bound
/// to it reaches), its bindings (which custom roles) and each binding's members (who) — a request for each list.
/// </summary>
internal sealed class AdminResourceSetsSyncer : ListSyncer<AdminResourceSetsSyncer.ResourceSetRead>
{
    private readonly AdminRoleReview _review;
    private volatile string? _refused;

    public AdminResourceSetsSyncer(AdminRoleReview review) => _review = review;

    public override string Stream => "admin-roles:resource-sets";

    public override string Description => "resource sets of custom admin roles";

    protected override IAsyncEnumerable<OktaPage<ResourceSetRead>> ListAsync(OktaClient client, Uri? resumeFrom, CancellationToken cancellationToken) =>
        AdminPages.ReadAsync<OktaResourceSet, ResourceSetRead>(
            client.ListResourceSetsAsync(resumeFrom, cancellationToken),
            async (page, ct) => await Task.WhenAll(page.Items.Select(set => ReadAsync(client, set, ct))).ConfigureAwait(false),
            ex => _refused = ex.Request,
            client.Domain.BaseUri,
            cancellationToken);

    protected override void Write(SyncBatch batch, IReadOnlyList<ResourceSetRead> sets)
    {
        if (_refused is { } request)
        {
            _review.Refused(batch, request);
        }

        foreach (var set in sets)
        {
            batch.PutResourceSet(set.Set, set.Resources, set.Bindings);
        }
    }

    private static async Task<ResourceSetRead> ReadAsync(OktaClient client, OktaResourceSet set, CancellationToken cancellationToken)
    {
        var id = set.Id!;
        var resources = client.ListResourceSetResourcesAsync(id, cancellationToken);
        var roles = await client.ListResourceSetBindingsAsync(id, cancellationToken).ConfigureAwait(false);
        var members = await Task.WhenAll(roles.Select(r => client.ListResourceSetBindingMembersAsync(id, r.Id!, cancellationToken))).ConfigureAwait(false);
        var bindings = roles
            .SelectMany((role, i) => members[i].Select(m => Binding(id, role.Id!, m)))
            .ToList();
        return new ResourceSetRead(
            new ResourceSetRecord(id, set.Label, set.Description),
            [.. (await resources.ConfigureAwait(false)).Select(r => AdminResourceName.Parse(id, r))],
            bindings);
    }

    private static ResourceSetBindingRecord Binding(string setId, string roleId, OktaResourceSetBindingMember member)
    {
        var principal = OktaRoleHolder.FromAssigneeHref(member.Links?.Self?.Href);
        return new ResourceSetBindingRecord(setId, roleId, member.Id!, principal is null ? null : principal.IsGroup ? "group" : "user", principal?.Id);
    }

    /// <summary>One resource set as read: what it holds and who is bound to which role over it.</summary>
    internal sealed record ResourceSetRead(ResourceSetRecord Set, IReadOnlyList<ResourceSetResourceRecord> Resources, IReadOnlyList<ResourceSetBindingRecord> Bindings);
}
