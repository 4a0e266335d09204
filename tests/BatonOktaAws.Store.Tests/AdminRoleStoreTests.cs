using BatonOktaAws.Store.Model;
using BatonOktaAws.TestSupport;

namespace BatonOktaAws.Store.Tests;

/// <summary>The admin role tables: written through a batch, read back through the view, carried with history.</summary>
public sealed class AdminRoleStoreTests : IDisposable
{
    private static readonly SyncRunStart Run = new("1.2.3", "https://acme.okta.com", "all", DateTimeOffset.UnixEpoch, "{}");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void CompleteAdminRoles_RoleHeldByAGroup_GivesEachMemberAGrantThroughThatGroupAndNamesAnUnseenGroup()
    {
        var paths = new SyncFilePaths(_temp.File("sync.db"));
        using (var writer = SyncFileWriter.Start(paths, Run, resume: false))
        {
            WriteAdminSample(writer);
            writer.CompleteAdminRoles();
            writer.CompleteAdminRoles();
            writer.Complete(0, DateTimeOffset.UnixEpoch, keepSyncs: 2);
        }

        using var reader = SyncFileReader.Open(paths.Target);
        var sync = reader.Latest();
        Assert.Equal(
            [
                "role:GROUP_MEMBERSHIP_ADMIN:assigned:group:00gunseen|role|GROUP_MEMBERSHIP_ADMIN|group|00gunseen",
                "role:GROUP_MEMBERSHIP_ADMIN:assigned:user:00ubob|role|GROUP_MEMBERSHIP_ADMIN|user|00ubob",
                "role:SUPER_ADMIN:assigned:user:00ualice|role|SUPER_ADMIN|user|00ualice",
            ],
            sync.DumpTable("grants").Where(g => g.StartsWith("role:", StringComparison.Ordinal)).Select(g => string.Join('|', g.Split('|').Where((_, i) => i != 1))));
        Assert.Contains("role:GROUP_MEMBERSHIP_ADMIN:assigned:user:00ubob||group:00gunseen", sync.DumpTable("grant_sources"));
        Assert.Contains(sync.Groups(), g => g == new GroupRecord("00gunseen", "00gunseen", null, null));
        Assert.Contains("group:00gunseen:member|group|00gunseen|member|00gunseen member|Member of the Okta group 00gunseen", sync.DumpTable("entitlements"));
    }

    [Fact]
    public void View_AdminTables_ReadBackWhatWasWritten()
    {
        var paths = new SyncFilePaths(_temp.File("sync.db"));
        using (var writer = SyncFileWriter.Start(paths, Run, resume: false))
        {
            WriteAdminSample(writer);
            Assert.Equal(new AdminRoleCounts(3, 1, 1, 1, 1), writer.AdminRoleCounts());
            Assert.Equal(["00gunseen"], writer.AdminRoleGroups());
            writer.Complete(0, DateTimeOffset.UnixEpoch, keepSyncs: 2);
        }

        using var reader = SyncFileReader.Open(paths.Target);
        var sync = reader.Latest();
        Assert.Equal(
            [
                new AdminRoleAssignmentRecord("group", "00gunseen", "ra2", "GROUP_MEMBERSHIP_ADMIN", "GROUP_MEMBERSHIP_ADMIN", "Group Membership administrator", "ACTIVE", null),
                new AdminRoleAssignmentRecord("user", "00ualice", "irb1", "CUSTOM", "cr0x", "AWS assigner", "ACTIVE", "iamx"),
                new AdminRoleAssignmentRecord("user", "00ualice", "ra1", "SUPER_ADMIN", "SUPER_ADMIN", "Super Organization administrator", "ACTIVE", null),
            ],
            sync.AdminRoles());
        Assert.Equal([new AdminRoleTargetRecord("group", "00gunseen", "ra2", "group", "00gadmins", null, "Admins")], sync.AdminRoleTargets());
        Assert.Equal([new CustomRoleRecord("cr0x", "AWS assigner", null, ["okta.apps.assignment.manage", "okta.groups.members.manage"])], sync.CustomRoles(), new CustomRoleComparer());
        Assert.Equal([new ResourceSetRecord("iamx", "AWS", null)], sync.ResourceSets());
        Assert.Equal([new ResourceSetResourceRecord("iamx", "r1", "orn:okta:idp:00o1:apps:amazon_aws", "app-type", "amazon_aws", "amazon_aws")], sync.ResourceSetResources());
        Assert.Equal([new ResourceSetBindingRecord("iamx", "cr0x", "irb1", "user", "00ualice")], sync.ResourceSetBindings());
        Assert.Equal([new GroupRoleGrantRecord("0oaprod", "00gadmins", "123456789012", "Admin")], sync.GroupRoleGrants());
    }

    [Fact]
    public void Complete_KeepingHistory_CarriesTheAdminTablesOfTheEarlierSync()
    {
        var paths = new SyncFilePaths(_temp.File("sync.db"));
        foreach (var _ in new[] { 1, 2 })
        {
            using var writer = SyncFileWriter.Start(paths, Run, resume: false);
            WriteAdminSample(writer);
            writer.Complete(0, DateTimeOffset.UnixEpoch, keepSyncs: 2);
        }

        using var reader = SyncFileReader.Open(paths.Target);
        var latest = reader.Latest();
        var earlier = reader.Sync(1);
        Assert.Equal(2, latest.SyncId);
        foreach (var table in new[] { "okta_admin_roles", "okta_admin_role_targets", "okta_custom_roles", "okta_custom_role_permissions", "okta_resource_sets", "okta_resource_set_resources", "okta_resource_set_bindings" })
        {
            Assert.NotEmpty(earlier.DumpTable(table));
            Assert.Equal(latest.DumpTable(table), earlier.DumpTable(table));
        }

        Assert.Contains(SyncFileSchema.SyncTables, t => t == "okta_admin_roles");
    }

    /// <summary>alice: super admin and a custom role; the group 00gunseen (no group record): group membership admin over Admins, with bob in it.</summary>
    private static void WriteAdminSample(SyncFileWriter writer)
    {
        SampleData.Write(writer);
        using var batch = writer.BeginBatch();
        batch.UpsertUser(new UserRecord("00ualice", "Alice", "alice@x.example", "alice@x.example", null, "ACTIVE"));
        batch.PutAdminRole(new AdminRoleAssignmentRecord("user", "00ualice", "ra1", "SUPER_ADMIN", "SUPER_ADMIN", "Super Organization administrator", "ACTIVE", null), []);
        batch.PutAdminRole(new AdminRoleAssignmentRecord("user", "00ualice", "irb1", "CUSTOM", "cr0x", "AWS assigner", "ACTIVE", "iamx"), []);
        batch.PutAdminRole(
            new AdminRoleAssignmentRecord("group", "00gunseen", "ra2", "GROUP_MEMBERSHIP_ADMIN", "GROUP_MEMBERSHIP_ADMIN", "Group Membership administrator", "ACTIVE", null),
            [new AdminRoleTargetRecord("group", "00gunseen", "ra2", "group", "00gadmins", null, "Admins")]);
        batch.PutCustomRole(new CustomRoleRecord("cr0x", "AWS assigner", null, ["okta.groups.members.manage", "okta.apps.assignment.manage"]));
        batch.PutResourceSet(
            new ResourceSetRecord("iamx", "AWS", null),
            [new ResourceSetResourceRecord("iamx", "r1", "orn:okta:idp:00o1:apps:amazon_aws", "app-type", "amazon_aws", "amazon_aws")],
            [new ResourceSetBindingRecord("iamx", "cr0x", "irb1", "user", "00ualice")]);
        foreach (var (role, type, id) in new[] { ("SUPER_ADMIN", "user", "00ualice"), ("GROUP_MEMBERSHIP_ADMIN", "group", "00gunseen") })
        {
            batch.UpsertAdminRoleResource(role, role, "Okta standard admin role");
            var entitlement = new EntitlementRecord($"role:{role}:assigned", "role", role, "assigned", role, role);
            batch.AddEntitlement(entitlement);
            batch.AddGrant(SampleData.Grant(entitlement, type, id), string.Empty, "direct");
        }

        batch.AddGrant(SampleData.Membership("00gunseen", "00ubob"), string.Empty, "direct");
        batch.Commit();
    }

    private sealed class CustomRoleComparer : IEqualityComparer<CustomRoleRecord>
    {
        public bool Equals(CustomRoleRecord? x, CustomRoleRecord? y) =>
            x is not null && y is not null && (x.RoleId, x.Label, x.Description) == (y.RoleId, y.Label, y.Description) && x.Permissions.SequenceEqual(y.Permissions);

        public int GetHashCode(CustomRoleRecord obj) => obj.RoleId.GetHashCode(StringComparison.Ordinal);
    }
}
