using BatonOktaAws.Core.Review;
using BatonOktaAws.Core.Review.Diff;
using BatonOktaAws.Core.Tests.Sync;
using BatonOktaAws.Store;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;
using OktaSimulator.Model;

namespace BatonOktaAws.Core.Tests.Review;

/// <summary>Two syncs of the demo estate with changes made in Okta (the simulator) between them.</summary>
public sealed class SyncComparerTests
{
    private const string Prod = "0oademoaws0000000001";
    private const string Staging = "0oademoaws0000000002";
    private const string Admins = "00gdemoawsadmins0001";
    private const string Grace = "00udemograce00000007";
    private const string Bob = "00udemobob0000000002";

    [Fact]
    public async Task Compare_ChangesMadeInOkta_ReportsEachKindOfChange()
    {
        var state = OrgFixture.Demo().ToState();
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);
        await harness.SyncAsync(appId: "all");

        state.AddMember(Admins, Grace);                                                     // grace gains Admin in production
        state.RemoveMember(Admins, Bob);                                                    // bob falls back to AWS Developers
        state.Users["00udemoerin000000005"].Status = UserStatus.Suspended;                   // erin is suspended
        state.PatchGroupAssignment(Prod, "00gdemoawsaudit00003", [new JsonPatch("replace", "/profile/samlRoles", new System.Text.Json.Nodes.JsonArray("Auditor", "ReadOnly"))]);
        state.Apps[Staging].SettingsApp!["joinAllRoles"] = false;                           // staging stops joining roles
        await harness.SyncAsync(appId: "all");

        using var reader = SyncFileReader.Open(harness.FilePath);
        var latest = reader.Latest();
        var diff = SyncComparer.Compare(ReviewSnapshot.Load(reader.Sync(latest.PreviousSyncId)), ReviewSnapshot.Load(latest));

        Assert.True(diff.AccessChanged);
        Assert.Contains(new AccessChange(ChangeKind.Added, Grace, "grace@acme.example", Prod, "Amazon Web Services (production)", "123456789012", "Admin", "group:" + Admins), diff.Access);
        Assert.Contains(new AccessChange(ChangeKind.Removed, Bob, "bob@acme.example", Prod, "Amazon Web Services (production)", "123456789012", "Admin", "group:" + Admins), diff.Access);
        Assert.Contains(diff.Access, c => c is { Change: ChangeKind.Added, UserId: Bob, AppId: Prod, Role: "Developer" });
        Assert.Contains(diff.Access, c => c is { Change: ChangeKind.Added, Login: "erin@acme.example", Role: "ReadOnly" });

        // Without joinAllRoles ivan's direct assignment hides Staging Ops again.
        Assert.Contains(diff.Access, c => c is { Change: ChangeKind.Removed, Login: "ivan@acme.example", AppId: Staging, Role: "ReadOnly" });
        Assert.Equal([new UserStatusChange("00udemoerin000000005", "erin@acme.example", "ACTIVE", "SUSPENDED")], diff.UserStatus);
        Assert.Equal(
            [new MembershipChange(ChangeKind.Added, Admins, "AWS Admins", Grace, "grace@acme.example"), new MembershipChange(ChangeKind.Removed, Admins, "AWS Admins", Bob, "bob@acme.example")],
            diff.Memberships.OrderBy(m => m.Change));
        Assert.Equal([new AppSettingChange(Staging, "Amazon Web Services (staging)", "joinAllRoles", "true", "false")], diff.AppSettings);
        var assignment = Assert.Single(diff.Assignments);
        Assert.Equal((ChangeKind.Changed, "group", "AWS Auditors", "samlRoles [Auditor], priority 2", "samlRoles [Auditor, ReadOnly], priority 2"), (assignment.Change, assignment.PrincipalType, assignment.PrincipalName, assignment.From, assignment.To));
    }

    [Fact]
    public async Task Compare_NothingChangedInOkta_ReportsNoChange()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        using var harness = new SyncHarness(simulator);
        await harness.SyncAsync(appId: "all");
        await harness.SyncAsync(appId: "all");

        using var reader = SyncFileReader.Open(harness.FilePath);
        var latest = reader.Latest();
        var diff = SyncComparer.Compare(ReviewSnapshot.Load(reader.Sync(latest.PreviousSyncId)), ReviewSnapshot.Load(latest));

        Assert.False(diff.AnythingChanged);
        Assert.Empty(diff.Access);
    }
}
