using BatonOktaAws.Core.Baton;
using BatonOktaAws.Core.Baton.Export;
using BatonOktaAws.Store.C1z;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;

namespace BatonOktaAws.Core.Tests.Baton.Export;

/// <summary>The demo estate, synced for real and exported: what Baton sees of it.</summary>
public sealed class SyncExportTests : IDisposable
{
    private const string Prod = "0oademoaws0000000001";
    private const string Staging = "0oademoaws0000000002";
    private const string Mapping = "0oademoaws0000000003";
    private const string Admins = "00gdemoawsadmins0001";
    private const string Developers = "00gdemoawsdevs000002";
    private const string StagingOps = "00gdemostageops00007";
    private const string Ivan = "00udemoivan000000009";
    private const string Grace = "00udemograce00000007";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Write_DemoEstate_EveryUsersRoleGrantIsTheirAccessWithEveryPathsGroupAndApp()
    {
        var sync = await ExportedSync.OfAsync(OrgFixture.Demo().ToState(), _temp.File("demo.c1z"));

        var fromC1z = sync.Grants
            .Where(g => g.EntitlementResource.ResourceType == "account" && g.Principal.ResourceType == "user")
            .Select(g => (g.Principal.Resource, g.EntitlementResource.Resource, Role: g.EntitlementId.Split(':')[2], Paths: Describe(g)))
            .Order()
            .ToList();
        var fromAccess = sync.Access
            .GroupBy(r => (r.UserId, r.AccountId, r.Role))
            .Select(g => (g.Key.UserId, g.Key.AccountId, g.Key.Role, Paths: string.Join(" ", g.Select(r => r.Source == "direct" ? $"account:{r.AccountId}:{r.Role}" : $"{r.Source}:member")
                .Concat(g.Select(r => $"app:{r.AppId}:access")).Distinct().Order(StringComparer.Ordinal))))
            .Order()
            .ToList();

        Assert.Equal(fromAccess, fromC1z);
        Assert.Equal(20, fromC1z.Count);
    }

    [Fact]
    public async Task Write_DemoEstate_SourcesSayHowEachEntitlementIsHeld()
    {
        var sync = await ExportedSync.OfAsync(OrgFixture.Demo().ToState(), _temp.File("demo.c1z"));

        // ivan: Developer through his own staging assignment (revocable on its own: no GrantImmutable) ...
        Assert.Equal(
            [new BatonGrantSource("account:210987654321:Developer"), new BatonGrantSource($"app:{Staging}:access")],
            sync.Grant($"account:210987654321:Developer:user:{Ivan}").Sources);
        // ... ReadOnly only through Staging Ops, in an app he is assigned to directly (joinAllRoles).
        var readOnly = sync.Grant($"account:210987654321:ReadOnly:user:{Ivan}");
        Assert.Equal([new BatonGrantSource($"app:{Staging}:access"), new BatonGrantSource($"group:{StagingOps}:member")], readOnly.Sources);
        Assert.True(readOnly.IsDerivedOnly);
        // grace holds the mapping app through the Engineering group, so that app source is not direct.
        Assert.Equal(
            [new BatonGrantSource($"app:{Mapping}:access", IsDirect: false), new BatonGrantSource("group:00gdemomapread000008:member")],
            sync.Grant($"account:123456789012:ReadOnly:user:{Grace}").Sources);
        // Memberships and group grants are held directly: no sources.
        Assert.Empty(sync.Grant($"group:{Developers}:member:user:00udemobob0000000002").Sources);
        Assert.Empty(sync.Grant($"account:123456789012:Admin:group:{Admins}").Sources);
    }

    [Fact]
    public async Task Write_DemoEstate_GroupGrantsAreExpandableOnlyWhereMembershipAloneGivesTheRole()
    {
        var sync = await ExportedSync.OfAsync(OrgFixture.Demo().ToState(), _temp.File("demo.c1z"));

        var expandable = sync.GroupRoleGrants.Where(g => g.Expandable is not null).Select(g => g.Id).Order(StringComparer.Ordinal);

        // Staging joins all roles: every member of its groups gets their roles. Production uses group priority and
        // the mapping app needs an app assignment besides the group, so none of theirs is.
        Assert.Equal([$"account:210987654321:Developer:group:{Developers}", $"account:210987654321:ReadOnly:group:{StagingOps}"], expandable);
        Assert.Equal([$"group:{Developers}:member"], sync.Grant($"account:210987654321:Developer:group:{Developers}").Expandable!.EntitlementIds);
        Assert.Contains(sync.GroupRoleGrants, g => g.Id.StartsWith("account:123456789012:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Write_DemoEstate_UsersCarryEmailsLoginAndTheirOktaStatusInBatonsTerms()
    {
        var sync = await ExportedSync.OfAsync(OrgFixture.Demo().ToState(), _temp.File("demo.c1z"));

        var users = sync.Resources.Where(r => r.Id.ResourceType == "user").ToDictionary(r => r.Id.Resource, r => r.User!);
        Assert.Equal(BatonUserStatus.Enabled, users["00udemoalice00000001"].Status);
        Assert.Equal(BatonUserStatus.Disabled, users["00udemodave000000004"].Status);
        Assert.Equal(BatonUserStatus.Disabled, users["00udemofrank00000006"].Status);
        Assert.Equal("alice@acme.example", users["00udemoalice00000001"].Login);
        Assert.Equal(new BatonEmail("alice@acme.example", IsPrimary: true), users["00udemoalice00000001"].Emails[0]);
        Assert.Equal("SUSPENDED", users["00udemodave000000004"].Profile!.Fields["status"].GetString());
        Assert.All(users.Values, user => Assert.Single(user.Emails, email => email.IsPrimary));
    }

    [Fact]
    public async Task Write_DemoEstate_EveryAppIsAResourceWhoseAccessIsHeldByItsGroupsAndUsers()
    {
        var sync = await ExportedSync.OfAsync(OrgFixture.Demo().ToState(), _temp.File("demo.c1z"));

        Assert.Equal([Prod, Staging, Mapping], sync.Resources.Where(r => r.Id.ResourceType == "app").Select(r => r.Id.Resource));
        var access = Assert.Single(sync.Entitlements, e => e.Id == $"app:{Staging}:access");
        Assert.Equal((BatonEntitlementPurpose.Assignment, "access"), (access.Purpose, access.Slug));
        Assert.Equal([$"group:{Developers}:member"], sync.Grant($"app:{Staging}:access:group:{Developers}").Expandable!.EntitlementIds);
        // Engineering is assigned only to the group-mapping app, whose assigned groups' members the sync does not read:
        // nothing says every member is an app user, so it is not expandable.
        Assert.Null(sync.Grant($"app:{Mapping}:access:group:00gdemoengineers0004").Expandable);
        // ivan is assigned to staging himself and is also in Staging Ops.
        Assert.Equal(
            [new BatonGrantSource($"app:{Staging}:access"), new BatonGrantSource($"group:{StagingOps}:member")],
            sync.Grant($"app:{Staging}:access:user:{Ivan}").Sources);
    }

    [Fact]
    public async Task Write_DemoEstate_EntitlementsHaveBatonsIdsNamesAndPurposes()
    {
        var sync = await ExportedSync.OfAsync(OrgFixture.Demo().ToState(), _temp.File("demo.c1z"));

        var admin = Assert.Single(sync.Entitlements, e => e.Id == "account:123456789012:Admin");
        Assert.Equal((BatonEntitlementPurpose.Permission, "Admin", "Admin in 123456789012"), (admin.Purpose, admin.Slug, admin.DisplayName));
        Assert.Equal(["user", "group"], admin.GrantableTo);
        var member = Assert.Single(sync.Entitlements, e => e.Id == $"group:{Admins}:member");
        Assert.Equal((BatonEntitlementPurpose.Assignment, "member", "AWS Admins member"), (member.Purpose, member.Slug, member.DisplayName));
        Assert.Equal(["user"], member.GrantableTo);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public async Task Write_GeneratedOrg_AGroupGrantIsExpandableExactlyWhenEveryMemberHoldsItThroughTheGroup(bool joinAllRoles, bool union)
    {
        var state = OrgGenerator.Generate(OrgShape.Small with { JoinAllRoles = joinAllRoles, SamlRolesUnion = union });
        var sync = await ExportedSync.OfAsync(state, _temp.File("org.c1z"));

        var holders = sync.Grants
            .Where(g => g.Principal.ResourceType == "user")
            .SelectMany(g => g.Sources.Where(s => s.EntitlementId.StartsWith("group:", StringComparison.Ordinal)).Select(s => (g.EntitlementId, Group: s.EntitlementId.Split(':')[1], User: g.Principal.Resource)))
            .ToHashSet();
        var expandable = 0;
        foreach (var grant in sync.GroupRoleGrants)
        {
            var group = state.Groups[grant.Principal.Resource];
            var everyMember = group.Members.All(user => holders.Contains((grant.EntitlementId, group.Id, user)));
            Assert.Equal(everyMember && (joinAllRoles || union), grant.Expandable is not null);
            expandable += grant.Expandable is null ? 0 : 1;
        }

        if (joinAllRoles)
        {
            Assert.Equal(sync.GroupRoleGrants.Count(), expandable);
        }
        else if (union)
        {
            // Directly assigned members are in some assigned groups, and do not get those groups' roles.
            Assert.InRange(expandable, 1, sync.GroupRoleGrants.Count() - 1);
        }
        else
        {
            Assert.Equal(0, expandable);
        }
    }

    [Fact]
    public async Task Write_GroupMappingOrg_NoGroupGrantIsExpandable()
    {
        var state = OrgGenerator.Generate(OrgShape.Small with { Mode = AwsAppMode.GroupMapping });
        var sync = await ExportedSync.OfAsync(state, _temp.File("org.c1z"));

        Assert.NotEmpty(sync.GroupRoleGrants);
        Assert.All(sync.GroupRoleGrants, grant => Assert.Null(grant.Expandable));
    }

    [Fact]
    public void ExportedTypes_ProvisionableOnes_AreExactlyThoseWhoseEntitlementsGrantAndRevokeAccept()
    {
        foreach (var type in ExportedTypes.All)
        {
            var entitlement = type.ResourceType.Id switch
            {
                "group" => $"group:00g1:{EntitlementId.MemberSlug}",
                "account" => "account:123456789012:Admin",
                "app" => $"app:0oa1:{AppExport.AccessSlug}",
                _ => $"{type.ResourceType.Id}:x1:member",
            };

            Assert.Equal(type.SupportsProvisioning, EntitlementId.TryParse(entitlement, out _));
        }
    }

    private static string Describe(BatonGrant grant) => string.Join(" ", grant.Sources.Select(s => s.EntitlementId));
}
