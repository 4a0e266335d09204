using System.Text.Json;
using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Core.Sync;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;
using BatonOktaAws.TestSupport;

namespace BatonOktaAws.Core.Tests.Sync;

/// <summary>The derive phase on a real partial sync file, for what the simulator (always consistent) cannot show.</summary>
public sealed class DeriveAccessPhaseTests : IDisposable
{
    private const string AppId = "0oaderive00000000001";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Run_OktaReportsAProfileOtherThanTheMembershipsGive_WarnsNamingTheUserAndBothValues()
    {
        using var writer = SyncFileWriter.Start(new SyncFilePaths(_temp.File("sync.db")), new SyncRunStart("t", "https://x.okta.com", AppId, DateTimeOffset.UnixEpoch, "{}"), resume: false);
        using (var batch = writer.BeginBatch())
        {
            batch.PutAppGroup(new AppGroupRecord(AppId, "00gadmins", 0, ["Admin"], null));
            batch.PutAppGroup(new AppGroupRecord(AppId, "00gdevs", 1, ["Developer"], null));

            // Okta says the user's winning group is Devs, but the memberships read put them in Admins too.
            batch.PutAppUser(new AppUserRecord(AppId, "00ustale", "GROUP", ["Developer"], null));
            batch.PutAppUser(new AppUserRecord(AppId, "00ufine", "GROUP", ["Admin"], null));
            foreach (var (group, user) in new[] { ("00gadmins", "00ustale"), ("00gdevs", "00ustale"), ("00gadmins", "00ufine") })
            {
                batch.AddGrant(new GrantRecord($"group:{group}:member:user:{user}", $"group:{group}:member", "group", group, "user", user), string.Empty, "direct");
            }

            batch.Commit();
        }

        new DeriveAccessPhase(writer, App()).Run(writer.Checkpoints(), () => { }, CancellationToken.None);

        var warning = Assert.Single(writer.Warnings());
        Assert.Equal(("okta-profile-differs", AppId, "user", "00ustale"), (warning.Code, warning.AppId, warning.SubjectType, warning.SubjectId));
        Assert.Contains("Okta reports user 00ustale", warning.Message, StringComparison.Ordinal);
        Assert.Contains("with samlRoles [Developer], but their group memberships give samlRoles [Admin]", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Twice_WritesItsWarningsOnce()
    {
        using var writer = SyncFileWriter.Start(new SyncFilePaths(_temp.File("sync.db")), new SyncRunStart("t", "https://x.okta.com", AppId, DateTimeOffset.UnixEpoch, "{}"), resume: false);
        using (var batch = writer.BeginBatch())
        {
            batch.PutAppUser(new AppUserRecord(AppId, "00udirect", "USER", ["NotInTheList"], null));
            batch.Commit();
        }

        new DeriveAccessPhase(writer, App()).Run(writer.Checkpoints(), () => { }, CancellationToken.None);
        new DeriveAccessPhase(writer, App()).Run(writer.Checkpoints(), () => { }, CancellationToken.None);

        Assert.Equal(["role-not-in-role-list"], writer.Warnings().Select(w => w.Code));
    }

    private static AwsAppContext App()
    {
        using var settings = JsonDocument.Parse("""{"identityProviderArn":"arn:aws:iam::111122223333:saml-provider/Okta"}""");
        var app = new OktaApplication { Id = AppId, Name = "amazon_aws", Label = "AWS", Status = "ACTIVE" };
        return new AwsAppContext(app, AwsAppSettings.Parse(settings.RootElement.Clone(), AppId), false, [SamlRole.Parse("Admin"), SamlRole.Parse("Developer")], [], "{}");
    }
}
