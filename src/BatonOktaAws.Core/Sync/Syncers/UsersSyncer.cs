using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Core.Okta.Paging;
using BatonOktaAws.Store;

namespace BatonOktaAws.Core.Sync.Syncers;

/// <summary>
/// Every user of the org (<c>--sync-all-users</c>): a plain list leaves DEPROVISIONED users out, so a second
/// syncer reads them with <c>search=status eq "DEPROVISIONED"</c>.
/// </summary>
internal sealed class UsersSyncer : ListSyncer<OktaUser>
{
    private readonly string? _search;
    private readonly bool _skipSecondaryEmails;

    private UsersSyncer(string stream, string description, string? search, bool skipSecondaryEmails)
    {
        Stream = stream;
        Description = description;
        _search = search;
        _skipSecondaryEmails = skipSecondaryEmails;
    }

    public override string Stream { get; }

    public override string Description { get; }

    public static UsersSyncer All(bool skipSecondaryEmails) => new("users", "all users", null, skipSecondaryEmails);

    public static UsersSyncer Deprovisioned(bool skipSecondaryEmails) =>
        new("users-deprovisioned", "deprovisioned users", "status eq \"DEPROVISIONED\"", skipSecondaryEmails);

    protected override IAsyncEnumerable<OktaPage<OktaUser>> ListAsync(OktaClient client, Uri? resumeFrom, CancellationToken cancellationToken) =>
        client.ListUsersAsync(_search, resumeFrom, cancellationToken);

    protected override void Write(SyncBatch batch, IReadOnlyList<OktaUser> users)
    {
        foreach (var user in users)
        {
            batch.UpsertUser(SyncRecords.User(user, _skipSecondaryEmails));
        }
    }
}
