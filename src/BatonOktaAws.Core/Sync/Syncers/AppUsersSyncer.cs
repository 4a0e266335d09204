using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Core.Okta.Paging;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Sync.Syncers;

/// <summary>
/// An AWS app's users (<c>/api/v1/apps/{appId}/users?expand=user</c>): each user's resource from the embedded
/// user, and the assignment as Okta reports it — scope, samlRoles and default role.
/// </summary>
internal sealed class AppUsersSyncer : ListSyncer<OktaAppUser>
{
    private readonly AwsAppContext _app;
    private readonly bool _skipSecondaryEmails;

    public AppUsersSyncer(AwsAppContext app, bool skipSecondaryEmails)
    {
        _app = app;
        _skipSecondaryEmails = skipSecondaryEmails;
    }

    public override string Stream => "app-users:" + _app.AppId;

    public override string Description => $"users of {_app.Describe()}";

    protected override IAsyncEnumerable<OktaPage<OktaAppUser>> ListAsync(OktaClient client, Uri? resumeFrom, CancellationToken cancellationToken) =>
        AppScoped.Wrap(_app, client.ListAppUsersAsync(_app.AppId, resumeFrom, cancellationToken), cancellationToken);

    protected override void Write(SyncBatch batch, IReadOnlyList<OktaAppUser> appUsers)
    {
        foreach (var appUser in appUsers)
        {
            var id = appUser.Id!;
            batch.UpsertUser(appUser.Embedded?.User is { } user && user.Id == id
                ? SyncRecords.User(user, _skipSecondaryEmails)
                : SyncRecords.UnknownUser(id));
            var scope = appUser.Scope;
            if (scope is not (OktaAppUser.UserScope or OktaAppUser.GroupScope))
            {
                batch.AddWarning(new WarningRecord("unknown-scope", $"App user {id} of {_app.Describe()} has scope '{OktaId.Printable(scope)}'; treated as GROUP.", _app.AppId, "user", id));
                scope = OktaAppUser.GroupScope;
            }

            var profile = appUser.Profile;
            foreach (var problem in profile?.ShapeProblems ?? [])
            {
                batch.AddWarning(new WarningRecord("unexpected-profile", $"The assignment of user {id} to {_app.Describe()} has an unexpected profile: {problem}; the usable values were kept.", _app.AppId, "user", id));
            }

            if (scope == OktaAppUser.UserScope)
            {
                // A direct assignment's own roles; a group-scoped profile is the groups', checked with them.
                AssignmentProfile.Roles(batch, _app, profile, $"user {id}'s direct assignment", "user", id);
            }

            batch.PutAppUser(new AppUserRecord(_app.AppId, id, scope, profile?.SamlRoles ?? [], profile?.Role));
        }
    }
}
