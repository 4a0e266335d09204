using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Core.Okta.Paging;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Sync.Syncers;

/// <summary>
/// The org's custom admin roles (<c>/api/v1/iam/roles</c>) and each one's permissions
/// (<c>/api/v1/iam/roles/{id}/permissions</c>, one request per custom role), so what a custom role can change is known.
/// </summary>
internal sealed class AdminCustomRolesSyncer : ListSyncer<CustomRoleRecord>
{
    private readonly AdminRoleReview _review;
    private volatile string? _refused;

    public AdminCustomRolesSyncer(AdminRoleReview review) => _review = review;

    public override string Stream => "admin-roles:custom-roles";

    public override string Description => "custom admin roles";

    protected override IAsyncEnumerable<OktaPage<CustomRoleRecord>> ListAsync(OktaClient client, Uri? resumeFrom, CancellationToken cancellationToken) =>
        AdminPages.ReadAsync<OktaCustomRole, CustomRoleRecord>(
            client.ListCustomRolesAsync(resumeFrom, cancellationToken),
            async (page, ct) => await Task.WhenAll(page.Items.Select(async role => new CustomRoleRecord(
                role.Id!,
                role.Label,
                role.Description,
                await client.ListCustomRolePermissionsAsync(role.Id!, ct).ConfigureAwait(false)))).ConfigureAwait(false),
            ex => _refused = ex.Request,
            client.Domain.BaseUri,
            cancellationToken);

    protected override void Write(SyncBatch batch, IReadOnlyList<CustomRoleRecord> roles)
    {
        if (_refused is { } request)
        {
            _review.Refused(batch, request);
        }

        foreach (var role in roles)
        {
            batch.PutCustomRole(role);
            AdminRoleRecords.Role(batch, role.RoleId, role.Label ?? role.RoleId, custom: true);
        }
    }
}
